package com.clinicrecords.identity.security;

import com.clinicrecords.identity.domain.SessionAuthenticator;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.CallerReadAlong;
import io.jsonwebtoken.JwtException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
    private final List<CallerReadAlong> readsAlong;

    JwtAuthenticationFilter(
            AccessTokenService tokens,
            SessionAuthenticator authenticator,
            ProblemSecurityHandlers entryPoint,
            List<CallerReadAlong> readsAlong) {
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.entryPoint = entryPoint;
        this.readsAlong = List.copyOf(readsAlong);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        SessionAuthenticator.Caller caller;
        try {
            AccessTokenService.VerifiedAccessToken token =
                    tokens.verify(header.substring(BEARER.length()).trim());
            caller = authenticator
                    .authenticate(token.userId(), token.sessionId(), readAlong(request, token.userId()))
                    .orElse(null);
        } catch (JwtException | IllegalArgumentException e) {
            caller = null;
        } catch (DataAccessException | TransactionException e) {
            // The session lookup needs the database: an outage is a 503 to retry, not a bad token (401).
            entryPoint.resolve(request, response, e);
            return;
        }
        if (caller == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        AuthenticatedUser user = caller.user();
        if (caller.readAlong() != null) {
            CallerReadAlong.hand(request, caller.readAlong());
        }
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }

    /** The first contributed read for a GET request, or null. */
    private CallerReadAlong.Read readAlong(HttpServletRequest request, UUID userId) {
        if (!HttpMethod.GET.matches(request.getMethod())) {
            return null;
        }
        for (CallerReadAlong contributor : readsAlong) {
            Optional<CallerReadAlong.Read> read = contributor.readFor(request, userId);
            if (read.isPresent()) {
                return read.get();
            }
        }
        return null;
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
