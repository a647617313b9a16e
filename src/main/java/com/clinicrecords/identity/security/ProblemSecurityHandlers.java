package com.clinicrecords.identity.security;

import com.clinicrecords.shared.domain.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Spring Security writes no Problem Details of its own; this hands its 401/403 to the MVC exception
 * handler so they come out exactly like every other error.
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HandlerExceptionResolver resolver;

    ProblemSecurityHandlers(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        resolver.resolveException(request, response, null, e);
    }

    /** Any other failure in a security filter (e.g. the database is down) rendered like an MVC error. */
    void resolve(HttpServletRequest request, HttpServletResponse response, RuntimeException e) {
        resolver.resolveException(request, response, null, e);
    }

    /** A caller still on a temporary password gets a distinct slug, so clients know to ask for a new one. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean mustChangePassword = auth != null
                && auth.getAuthorities().stream()
                        .anyMatch(a -> JwtAuthenticationFilter.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
        Exception problem = mustChangePassword
                ? new ForbiddenException(
                        "password-change-required",
                        "Change your temporary password first (POST /api/users/me/password)")
                : e;
        resolver.resolveException(request, response, null, problem);
    }
}
