package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.AccountService;
import com.clinicrecords.identity.domain.UserView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/me")
@Tag(name = "My account")
class MeController {

    private final AccountService accounts;

    MeController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "The signed-in user's profile")
    @GetMapping
    UserView me(@AuthenticationPrincipal AuthenticatedUser me) {
        return accounts.get(me.userId());
    }

    @Operation(summary = "Update name and phone. Roles, status and email cannot be changed here.")
    @PutMapping
    UserView update(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody UpdateProfileRequest body) {
        return accounts.updateProfile(me.userId(), body.firstName(), body.lastName(), body.phone());
    }

    record UpdateProfileRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,

            @Pattern(regexp = AuthRequests.PHONE, message = "must be a phone number") String phone) {}
}
