package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.EmailChangeService;
import com.clinicrecords.identity.domain.EmailVerificationService;
import com.clinicrecords.identity.domain.PasswordPolicy;
import com.clinicrecords.identity.domain.PasswordService;
import com.clinicrecords.identity.domain.UserView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/me")
@Tag(name = "My account")
class MeSecurityController {

    private final PasswordService passwords;
    private final EmailVerificationService verification;
    private final EmailChangeService emailChange;

    MeSecurityController(
            PasswordService passwords, EmailVerificationService verification, EmailChangeService emailChange) {
        this.passwords = passwords;
        this.verification = verification;
        this.emailChange = emailChange;
    }

    @Operation(
            summary = "Change my email address: with my current password, a 6-digit code is mailed to the new"
                    + " address (10 minutes, one per minute); the change happens when it is confirmed")
    @PostMapping("/email")
    ResponseEntity<Void> changeEmail(
            @AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody ChangeEmailRequest body) {
        emailChange.request(me.userId(), body.newEmail(), body.currentPassword());
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Confirm my new email address with the code; the old address is told; 5 wrong codes burn it")
    @PostMapping("/email/confirm")
    UserView confirmEmailChange(
            @AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody ConfirmEmailRequest body) {
        return emailChange.confirm(me.userId(), body.code());
    }

    @Operation(summary = "Change my password (the current one is required); by default ends my other sessions")
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal AuthenticatedUser me,
            @Valid @RequestBody ChangePasswordRequest body,
            HttpServletRequest request) {
        passwords.change(
                me.userId(),
                me.sessionId(),
                body.currentPassword(),
                body.newPassword(),
                body.logoutOtherSessions() == null || body.logoutOtherSessions(),
                request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Email me a 6-digit code to verify my address (at most once a minute)")
    @PostMapping("/email-verification")
    ResponseEntity<Void> sendVerificationCode(@AuthenticationPrincipal AuthenticatedUser me) {
        verification.sendCode(me.userId());
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Confirm my email address with the code; 5 wrong codes burn it")
    @PostMapping("/email-verification/confirm")
    ResponseEntity<Void> confirm(
            @AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody ConfirmEmailRequest body) {
        verification.confirm(me.userId(), body.code());
        return ResponseEntity.noContent().build();
    }

    record ChangePasswordRequest(
            @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH * 4) String currentPassword,

            @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH * 2) String newPassword,

            Boolean logoutOtherSessions) {}

    record ChangeEmailRequest(
            @NotBlank @Email @Size(max = 254) String newEmail,

            @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH * 4) String currentPassword) {}

    record ConfirmEmailRequest(
            @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String code) {}
}
