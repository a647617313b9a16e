package com.clinicrecords.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record RoleView(
        UUID id, String name, String description, boolean builtIn, List<String> permissions, Instant createdAt) {

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
