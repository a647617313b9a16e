package com.clinicrecords.identity.security;

import com.clinicrecords.identity.domain.SessionAuthenticator;
import com.clinicrecords.shared.security.AuthenticatedUser;
import io.jsonwebtoken.JwtException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer} requests. A present but invalid, expired or revoked token is
 * answered with 401 at once, with one generic message whatever the reason. Not a Spring bean on purpose:
 * Boot would otherwise also register it as a plain servlet filter.
 */
class JwtAuthenticationFilter extends OncePerRequestFilter {

    static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";
    private static final String BEARER = "Bearer ";

    private final AccessTokenService tokens;
    private final SessionAuthenticator authenticator;
    private final ProblemSecurityHandlers entryPoint;

    JwtAuthenticationFilter(
            AccessTokenService tokens, SessionAuthenticator authenticator, ProblemSecurityHandlers entryPoint) {
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        AuthenticatedUser user;
        try {
            AccessTokenService.VerifiedAccessToken token =
                    tokens.verify(header.substring(BEARER.length()).trim());
            user = authenticator.authenticate(token.userId(), token.sessionId()).orElse(null);
        } catch (JwtException | IllegalArgumentException e) {
            user = null;
        } catch (DataAccessException | TransactionException e) {
            // The session lookup needs the database: an outage is a 503 to retry, not a bad token (401).
            entryPoint.resolve(request, response, e);
            return;
        }
        if (user == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }

    /** A caller with a temporary password gets no role or permission until the password is changed. */
    private static List<GrantedAuthority> authorities(AuthenticatedUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (user.passwordChangeRequired()) {
            authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
            return authorities;
        }
        user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        user.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        return authorities;
    }
}
