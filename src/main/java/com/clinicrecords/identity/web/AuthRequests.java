package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.PasswordPolicy;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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

            @Pattern(regexp = AuthRequests.PHONE, message = "must be a phone number") String phone) {}

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,

            @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH * 4) String password) {}

    /** Generous bound: any token-like string, even an access token sent by mistake, gets the refresh 401. */
    record RefreshRequest(@Size(max = 8192) String refreshToken) {}
}
