package com.clinicrecords.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record RoleView(
        UUID id,
        String name,
        @Nullable String description,
        boolean builtIn,
        List<String> permissions,
        Instant createdAt) {

    static RoleView of(Role role) {
        return new RoleView(
                role.getId(),
                role.getName(),
                role.getDescription(),
                role.isBuiltIn(),
                role.getPermissions().stream().sorted().toList(),
                role.getCreatedAt());
    }
}
