package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.PasswordPolicy;
import com.clinicrecords.identity.domain.PasswordResetService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth/password")
@Tag(name = "Authentication")
class PasswordRecoveryController {

    private static final Map<String, String> ACCEPTED = Map.of(
            "message", "If an active account exists for this address, an email with a reset code is on its way.");

    private final PasswordResetService resets;

    PasswordRecoveryController(PasswordResetService resets) {
        this.resets = resets;
    }

    @Operation(
            summary = "Ask for a password reset code by email; the answer is the same whether or not the "
                    + "account exists")
    @PostMapping("/forgot")
    ResponseEntity<Map<String, String>> forgot(@Valid @RequestBody ForgotRequest body, HttpServletRequest request) {
        resets.requestReset(body.email(), request.getRemoteAddr());
        return ResponseEntity.accepted().body(ACCEPTED);
    }

    @Operation(summary = "Set a new password with a reset code; ends every session of the account")
    @PostMapping("/reset")
    ResponseEntity<Void> reset(@Valid @RequestBody ResetRequest body) {
        resets.reset(body.token(), body.newPassword());
        return ResponseEntity.noContent().build();
    }

    record ForgotRequest(@NotBlank @Email @Size(max = 254) String email) {}

    record ResetRequest(
            @NotBlank @Size(max = 128) String token,

            @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH * 2) String newPassword) {}
}
