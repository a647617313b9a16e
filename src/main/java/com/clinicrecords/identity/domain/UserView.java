package com.clinicrecords.identity.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An account as the API shows it: never the password hash or any token. */
public record UserView(
        UUID id,
        String email,
        String firstName,
        String lastName,
        @Nullable String phone,
        UserStatus status,
        boolean emailVerified,
        boolean passwordChangeRequired,
        Set<String> roles,
        Instant createdAt,
        long version) {

    static UserView of(User u) {
        return new UserView(
                u.getId(),
                u.getEmail(),
                u.getFirstName(),
                u.getLastName(),
                u.getPhone(),
                u.getStatus(),
                u.isEmailVerified(),
                u.isPasswordChangeRequired(),
                u.roleNames(),
                u.getCreatedAt(),
                u.getVersion());
    }
}
