package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.AuthSessionRepository;
import com.clinicrecords.identity.security.JwtProperties;
import com.clinicrecords.shared.domain.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lets users see where they are signed in and end those sessions (ASVS 7.5.2). */
@Service
public class SessionService {

    private final AuthSessionRepository sessions;
    private final JwtProperties props;
    private final SecurityEvents events;
    private final Clock clock;

    SessionService(AuthSessionRepository sessions, JwtProperties props, SecurityEvents events, Clock clock) {
        this.sessions = sessions;
        this.props = props;
        this.events = events;
        this.clock = clock;
    }

    // no transaction: one statement (list round-trip budget)
    public List<SessionView> list(UUID userId, UUID currentSessionId) {
        Instant now = clock.instant();
        return sessions.findOpenByUserId(userId, now).stream()
                .filter(s -> s.isActive(now, props.sessionIdleTimeout()))
                .map(s -> new SessionView(
                        s.getId(),
                        s.getCreatedAt(),
                        s.getLastUsedAt(),
                        s.getUserAgent(),
                        s.getClientIp(),
                        s.getId().equals(currentSessionId)))
                .toList();
    }

    /** Ends one of the caller's own sessions; someone else's session id is answered with 404. */
    @Transactional
    public void revoke(UUID userId, UUID sessionId) {
        AuthSession session = sessions.findById(sessionId)
                .filter(s -> s.getUserId().equals(userId) && s.getRevokedAt() == null)
                .orElseThrow(() -> NotFoundException.of("Session"));
        session.revoke(clock.instant(), "USER_REVOKED");
        events.sessionsEnded(sessionId);
    }

    @Transactional
    public int revokeOthers(UUID userId, UUID currentSessionId) {
        events.sessionsEnded("other-sessions");
        return sessions.revokeAllForUserExcept(userId, currentSessionId, clock.instant(), "USER_REVOKED");
    }
}
