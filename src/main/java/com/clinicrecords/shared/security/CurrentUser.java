package com.clinicrecords.shared.security;

import com.clinicrecords.shared.domain.UnauthorizedException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the caller from the security context, for services that need it outside a controller. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<AuthenticatedUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AuthenticatedUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    public static AuthenticatedUser require() {
        return find().orElseThrow(() -> new UnauthorizedException("unauthorized", "Authentication is required"));
    }
}
