package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.AuthSessionRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.identity.security.JwtProperties;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a verified access token into a caller, but only while its session is still open and the account
 * is active: this is what makes logout, password change and disabling a user take effect immediately.
 */
@Service
public class SessionAuthenticator {

    private final AuthSessionRepository sessions;
    private final UserRepository users;
    private final JwtProperties props;
    private final Clock clock;

    public SessionAuthenticator(
            AuthSessionRepository sessions, UserRepository users, JwtProperties props, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.props = props;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<AuthenticatedUser> authenticate(UUID userId, UUID sessionId) {
        return sessions.findById(sessionId)
                .filter(s -> s.getUserId().equals(userId))
                .filter(s -> s.isActive(clock.instant(), props.sessionIdleTimeout()))
                .flatMap(s -> users.findWithRolesById(userId))
                .filter(User::isActive)
                .map(u -> new AuthenticatedUser(
                        u.getId(),
                        sessionId,
                        u.getEmail(),
                        u.roleNames(),
                        u.permissions(),
                        u.isPasswordChangeRequired()));
    }
}
