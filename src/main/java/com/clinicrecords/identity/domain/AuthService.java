package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.AuthSessionRepository;
import com.clinicrecords.identity.persistence.RefreshTokenRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.identity.security.JwtProperties;
import com.clinicrecords.shared.domain.ServerBusyException;
import com.clinicrecords.shared.domain.TooManyRequestsException;
import com.clinicrecords.shared.domain.UnauthorizedException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Login, token refresh with rotation and replay detection, and logout. */
@Service
public class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    private static final String BAD_CREDENTIALS = "Invalid email or password";
    private static final String BAD_REFRESH = "The refresh token is invalid or expired";

    private final UserRepository users;
    private final AuthSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordEncoder passwordEncoder;
    private final SessionIssuer issuer;
    private final JwtProperties props;
    private final LoginThrottle throttle;
    private final SecurityEvents events;
    private final LockoutNotices lockoutNotices;
    private final TransactionTemplate tx;
    private final LoginAccounts loginAccounts;
    private final Clock clock;
    // Hashing a dummy password for unknown emails keeps their response time equal to a wrong password's.
    private final String dummyHash;

    public AuthService(
            UserRepository users,
            AuthSessionRepository sessions,
            RefreshTokenRepository refreshTokens,
            PasswordEncoder passwordEncoder,
            SessionIssuer issuer,
            JwtProperties props,
            LoginThrottle throttle,
            SecurityEvents events,
            LockoutNotices lockoutNotices,
            TransactionTemplate tx,
            LoginAccounts loginAccounts,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.passwordEncoder = passwordEncoder;
        this.issuer = issuer;
        this.props = props;
        this.throttle = throttle;
        this.events = events;
        this.lockoutNotices = lockoutNotices;
        this.tx = tx;
        this.loginAccounts = loginAccounts;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode(OpaqueTokens.generate());
    }

    /**
     * Throttled before any hashing: one attempt is reserved atomically in the shared buckets (see
     * {@link LoginThrottle}), then the password is hashed with no database connection held, and only a
     * correct password opens a transaction (for the new session). Unknown email, wrong password, disabled
     * account and expired temporary password all get the same 401.
     */
    public IssuedTokens login(String email, String password, ClientInfo client) {
        // The login is an email address or a phone number (see LoginAccounts); throttled on its canonical form.
        String canonical = loginAccounts.canonical(email);
        Optional<User> found = loginAccounts.find(email);
        UUID userId = found.map(User::getId).orElse(null);
        LoginThrottle.Reservation reservation;
        try {
            reservation = throttle.reserve(userId, canonical, client.ip());
        } catch (TooManyRequestsException e) {
            // Logged, not audited: a flood of throttled attempts must not turn into a flood of inserts.
            log.warn("Sign-in throttled for client {}", client.ip());
            throw e;
        }
        String hash = found.map(User::getPasswordHash).orElse(dummyHash);
        boolean matches;
        try {
            matches = passwordEncoder.matches(password == null ? "" : password, hash);
        } catch (ServerBusyException e) {
            throttle.cancel(reservation);
            throw e;
        }
        if (found.isEmpty() || !matches) {
            events.loginFailed(userId, found.isEmpty() ? "unknown account" : "wrong password");
            if (reservation.accountLimitReached() && found.isPresent()) {
                lockoutNotices.accountLimitReached(found.get());
            }
            throw new UnauthorizedException("invalid-credentials", BAD_CREDENTIALS);
        }
        User user = found.get();
        throttle.succeeded(reservation);
        if (!user.isActive() || user.isTemporaryPasswordExpired(clock.instant())) {
            events.loginFailed(userId, user.isActive() ? "temporary password expired" : "account disabled");
            throw new UnauthorizedException("invalid-credentials", BAD_CREDENTIALS);
        }
        return tx.execute(status -> {
            IssuedTokens tokens = issuer.openSession(user, client);
            events.loggedIn(userId, tokens.sessionId());
            return tokens;
        });
    }

    /**
     * Rotates a refresh token: the presented one is spent and a new one returned. Presenting a spent token
     * again means it was copied, so the whole session is revoked (RFC 9700 refresh token reuse detection).
     */
    @Transactional(noRollbackFor = UnauthorizedException.class)
    public IssuedTokens refresh(String refreshToken, ClientInfo client) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 256) {
            throw new UnauthorizedException("invalid-refresh-token", BAD_REFRESH);
        }
        String hash = OpaqueTokens.sha256Hex(refreshToken);
        RefreshToken stored = refreshTokens
                .findById(hash)
                .orElseThrow(() -> new UnauthorizedException("invalid-refresh-token", BAD_REFRESH));
        Instant now = clock.instant();
        AuthSession session = sessions.findById(stored.getSessionId())
                .orElseThrow(() -> new UnauthorizedException("invalid-refresh-token", BAD_REFRESH));
        if (refreshTokens.markUsed(hash, now) == 0) {
            log.warn("Refresh token reuse detected; revoking session {}", session.getId());
            session = sessions.findById(session.getId()).orElseThrow();
            session.revoke(now, "REFRESH_REUSE");
            events.refreshReused(session.getUserId(), session.getId());
            throw new UnauthorizedException("invalid-refresh-token", BAD_REFRESH);
        }
        session = sessions.findById(session.getId()).orElseThrow();
        if (!session.isActive(now, props.sessionIdleTimeout()) || !userIsActive(session.getUserId())) {
            throw new UnauthorizedException("invalid-refresh-token", BAD_REFRESH);
        }
        session.touch(now);
        events.refreshed(session.getUserId(), session.getId());
        return issuer.tokensFor(session);
    }

    @Transactional
    public void logout(UUID sessionId) {
        sessions.findById(sessionId).ifPresent(s -> {
            s.revoke(clock.instant(), "LOGOUT");
            events.loggedOut(s.getUserId(), s.getId());
        });
    }

    /** Logout by refresh token (cookie-only clients that have no valid access token any more). */
    @Transactional
    public void logoutByRefreshToken(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return;
        }
        refreshTokens
                .findById(OpaqueTokens.sha256Hex(refreshToken))
                .flatMap(t -> sessions.findById(t.getSessionId()))
                .ifPresent(s -> {
                    s.revoke(clock.instant(), "LOGOUT");
                    events.loggedOut(s.getUserId(), s.getId());
                });
    }

    private boolean userIsActive(UUID userId) {
        return users.findById(userId).map(User::isActive).orElse(false);
    }
}
