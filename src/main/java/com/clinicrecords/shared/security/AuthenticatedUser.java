package com.clinicrecords.shared.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: resolved on every request from a valid access token and a still-active session.
 * Roles and permissions are loaded from the database each time, so a role change takes effect at once.
 */
public record AuthenticatedUser(
        UUID userId,
        UUID sessionId,
        String email,
        Set<String> roles,
        Set<String> permissions,
        boolean passwordChangeRequired) {

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }
}
