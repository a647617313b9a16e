package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.PasswordPolicy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of the auth endpoints. Unknown JSON fields are ignored and never bound to an account. */
final class AuthRequests {

    /** Digits, spaces, brackets and dashes with an optional leading +: one rule for every phone field. */
    static final String PHONE = "\\+?[0-9 ()-]{6,32}";

    private AuthRequests() {}

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,

            @NotBlank @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH * 2) String password,

            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,

            @Pattern(regexp = AuthRequests.PHONE, message = "must be a phone number") String phone,

            /** Optional; when given it must equal {@code password}. */
            @Size(max = PasswordPolicy.MAX_LENGTH * 2) String passwordConfirm) {}

    /** {@code login} is an email address or a phone number; {@code email} is its older name, still accepted. */
    record LoginRequest(
            @Size(max = 254) String login,
            @Size(max = 254) String email,

            @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH * 4) String password) {

        /** The identifier to sign in with: {@code login}, else {@code email}; 400 when neither is given. */
        String identifier() {
            String value = login != null && !login.isBlank() ? login : email;
            if (value == null || value.isBlank()) {
                throw new com.clinicrecords.shared.domain.InvalidFieldException("login", "must not be blank");
            }
            return value;
        }
    }

    /** Confirms an emailed code without being signed in. */
    record ConfirmEmailCodeRequest(
            @NotBlank @Email @Size(max = 254) String email,

            @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String code,

            @Schema(
                    description = "The password chosen at sign-up; required to finish a private sign-up"
                            + " (pending account), ignored otherwise",
                    requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            @Nullable @Size(max = 1024) String password) {}

    /** Generous bound: any token-like string, even an access token sent by mistake, gets the refresh 401. */
    record RefreshRequest(@Size(max = 8192) String refreshToken) {}
}
