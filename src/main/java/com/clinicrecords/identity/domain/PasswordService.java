package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.AuthSessionRepository;
import com.clinicrecords.identity.persistence.PasswordResetTokenRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.domain.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changing one's own password, which requires the current one (ASVS 6.2.3). */
@Service
public class PasswordService {

    private final UserRepository users;
    private final AuthSessionRepository sessions;
    private final PasswordResetTokenRepository resetTokens;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final SecurityEvents events;
    private final Clock clock;

    PasswordService(
            UserRepository users,
            AuthSessionRepository sessions,
            PasswordResetTokenRepository resetTokens,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            LoginThrottle throttle,
            SecurityEvents events,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.resetTokens = resetTokens;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Wrong current passwords count towards the sign-in throttle, so a stolen access token cannot be used to
     * guess the password. Clears a temporary-password requirement and, by default, ends the other sessions.
     */
    @Transactional
    public void change(
            UUID userId,
            UUID currentSessionId,
            String currentPassword,
            String newPassword,
            boolean logoutOtherSessions,
            String clientIp) {
        User user = users.findById(userId).orElseThrow(() -> NotFoundException.of("User"));
        throttle.check(user.getEmail(), clientIp);
        if (!passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throttle.recordFailure(user.getEmail(), clientIp);
            throw new ForbiddenException("wrong-password", "The current password is incorrect");
        }
        policy.check(newPassword, user.getEmail());
        Instant now = clock.instant();
        user.changePassword(passwordEncoder.encode(newPassword), now);
        resetTokens.spendAllForUser(userId, now);
        if (logoutOtherSessions) {
            sessions.revokeAllForUserExcept(userId, currentSessionId, now, "PASSWORD_CHANGED");
        }
        events.passwordChanged(userId);
    }
}
