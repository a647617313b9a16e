package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.AuthSessionRepository;
import com.clinicrecords.identity.persistence.RefreshTokenRepository;
import com.clinicrecords.identity.security.AccessTokenService;
import com.clinicrecords.identity.security.JwtProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Opens sessions and mints the token pair for them; callers own the transaction. */
@Component
class SessionIssuer {

    private final AuthSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final AccessTokenService accessTokens;
    private final JwtProperties props;
    private final Clock clock;

    SessionIssuer(
            AuthSessionRepository sessions,
            RefreshTokenRepository refreshTokens,
            AccessTokenService accessTokens,
            JwtProperties props,
            Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.props = props;
        this.clock = clock;
    }

    IssuedTokens openSession(User user, ClientInfo client) {
        AuthSession session = sessions.save(new AuthSession(
                user.getId(), clock.instant(), props.sessionAbsoluteLifetime(), client.userAgent(), client.ip()));
        return tokensFor(session);
    }

    /** A fresh refresh token in the same session, plus a new access token. */
    IssuedTokens tokensFor(AuthSession session) {
        Instant now = clock.instant();
        String refresh = OpaqueTokens.generate();
        refreshTokens.save(new RefreshToken(OpaqueTokens.sha256Hex(refresh), session.getId(), now));
        long maxAge = Math.max(
                0, Duration.between(now, session.getAbsoluteExpiresAt()).toSeconds());
        return new IssuedTokens(
                accessTokens.issue(session.getUserId(), session.getId()),
                accessTokens.ttlSeconds(),
                refresh,
                session.getId(),
                maxAge);
    }
}
