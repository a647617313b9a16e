package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.AuthSessionRepository;
import com.clinicrecords.identity.persistence.PasswordResetTokenRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.ServerBusyException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate tx;
    private final Clock clock;

    PasswordService(
            UserRepository users,
            AuthSessionRepository sessions,
            PasswordResetTokenRepository resetTokens,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            LoginThrottle throttle,
            SecurityEvents events,
            TransactionTemplate tx,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.resetTokens = resetTokens;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.throttle = throttle;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Wrong current passwords count towards the sign-in throttle, so a stolen access token cannot be used to
     * guess the password. Clears a temporary-password requirement and, by default, ends the other sessions.
     * The attempt is reserved and the hashes computed with no transaction open (the shared throttle takes a
     * connection of its own); the change itself is one short transaction that also checks nobody changed the
     * password in between.
     */
    public void change(
            UUID userId,
            UUID currentSessionId,
            String currentPassword,
            String newPassword,
            boolean logoutOtherSessions,
            String clientIp) {
        User user = users.findById(userId).orElseThrow(() -> NotFoundException.of("User"));
        LoginThrottle.Reservation reservation = throttle.reserve(userId, user.getEmailCanonical(), clientIp);
        boolean matches;
        try {
            matches = passwordEncoder.matches(currentPassword, user.getPasswordHash());
        } catch (ServerBusyException e) {
            throttle.cancel(reservation);
            throw e;
        }
        if (!matches) {
            throw new ForbiddenException("wrong-password", "The current password is incorrect");
        }
        throttle.succeeded(reservation);
        policy.check(newPassword, user.getEmail());
        String newHash = passwordEncoder.encode(newPassword);
        String checkedHash = user.getPasswordHash();
        tx.executeWithoutResult(status -> {
            User current = users.findById(userId).orElseThrow(() -> NotFoundException.of("User"));
            if (!current.getPasswordHash().equals(checkedHash)) {
                throw new ConflictException("password-changed", "The password was changed meanwhile; try again");
            }
            Instant now = clock.instant();
            current.changePassword(newHash, now);
            resetTokens.spendAllForUser(userId, now);
            if (logoutOtherSessions) {
                sessions.revokeAllForUserExcept(userId, currentSessionId, now, "PASSWORD_CHANGED");
            }
            events.passwordChanged(userId);
        });
    }
}
