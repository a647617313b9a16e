package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.CallerQueries;
import com.clinicrecords.identity.security.JwtProperties;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.CallerReadAlong;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Turns a verified access token into a caller, but only while its session is still open and the account
 * is active: this is what makes logout, password change and disabling a user take effect immediately.
 * One statement per request and no transaction (see {@link CallerQueries}); the rules are those of
 * {@link AuthSession#isActive} and {@link User#isActive}.
 */
@Service
public class SessionAuthenticator {

    private final CallerQueries callers;
    private final JwtProperties props;
    private final Clock clock;

    public SessionAuthenticator(CallerQueries callers, JwtProperties props, Clock clock) {
        this.callers = callers;
        this.props = props;
        this.clock = clock;
    }

    /**
     * The caller, if the session is open and the account active.
     *
     * @param read a read to carry in the caller's statement ({@link CallerReadAlong}), or null; its value comes
     *     back only with an accepted caller, and only when the statement of a known account carried it
     */
    public Optional<Caller> authenticate(UUID userId, UUID sessionId, CallerReadAlong.Read read) {
        Instant now = clock.instant();
        return callers.find(sessionId, userId, read)
                .filter(c -> c.userId().equals(userId))
                .filter(c -> c.revokedAt() == null
                        && now.isBefore(c.absoluteExpiresAt())
                        && now.isBefore(c.lastUsedAt().plus(props.sessionIdleTimeout())))
                .filter(c -> UserStatus.ACTIVE.name().equals(c.status()))
                .map(c -> new Caller(
                        new AuthenticatedUser(
                                userId, sessionId, c.email(), c.roles(), c.permissions(), c.passwordChangeRequired()),
                        c.readAlong()));
    }

    /**
     * An accepted caller.
     *
     * @param readAlong the value read along with the caller, or null when nothing was
     */
    public record Caller(AuthenticatedUser user, Object readAlong) {}
}
