package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.AuthSessionRepository;
import com.clinicrecords.identity.persistence.PasswordResetTokenRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.notifications.domain.EmailOutbox;
import com.clinicrecords.shared.domain.BadRequestException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password": a single-use token by email, then a new password with it. The request side answers the
 * same way for unknown addresses, so it cannot be used to discover accounts.
 */
@Service
public class PasswordResetService {

    private static final String INVALID = "The reset token is invalid or has expired";

    private final UserRepository users;
    private final PasswordResetTokenRepository tokens;
    private final AuthSessionRepository sessions;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final EmailOutbox outbox;
    private final AccountSecurityProperties props;
    private final RateLimiter perEmail;
    private final RateLimiter perIp;
    private final Clock clock;

    PasswordResetService(UserRepository users, PasswordResetTokenRepository tokens, AuthSessionRepository sessions,
            PasswordEncoder passwordEncoder, PasswordPolicy policy, EmailOutbox outbox,
            AccountSecurityProperties props, ThrottleProperties.ForgotPassword throttle, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.outbox = outbox;
        this.props = props;
        this.perEmail = new RateLimiter("password reset", throttle.perEmail());
        this.perIp = new RateLimiter("password reset", throttle.perIp());
        this.clock = clock;
    }

    /** Emails a reset token to an active account with this address; does nothing visible otherwise. */
    @Transactional
    public void requestReset(String email, String clientIp) {
        String normalized = EmailAddresses.normalize(email);
        perIp.acquire(clientIp == null ? "unknown" : clientIp);
        perEmail.acquire(normalized);
        // The token is generated either way so both paths do comparable work.
        String token = OpaqueTokens.generate();
        String hash = OpaqueTokens.sha256Hex(token);
        Instant now = clock.instant();
        users.findByEmail(normalized).filter(User::isActive).ifPresent(user -> {
            tokens.spendAllForUser(user.getId(), now);
            tokens.save(new PasswordResetToken(hash, user.getId(), now, now.plus(props.resetTokenTtl())));
            outbox.enqueue(user.getEmail(), "Reset your Clinic Records password", body(token));
        });
    }

    /** Sets a new password with a valid token, spends the token and ends every session of the account. */
    @Transactional
    public void reset(String token, String newPassword) {
        if (token == null || token.isBlank() || token.length() > 128) {
            throw new BadRequestException("invalid-reset-token", INVALID);
        }
        String hash = OpaqueTokens.sha256Hex(token);
        Instant now = clock.instant();
        PasswordResetToken stored = tokens.findById(hash).filter(t -> t.isUsable(now))
                .orElseThrow(() -> new BadRequestException("invalid-reset-token", INVALID));
        if (tokens.markUsed(hash, now) == 0) {
            throw new BadRequestException("invalid-reset-token", INVALID);
        }
        User user = users.findById(stored.getUserId()).filter(User::isActive)
                .orElseThrow(() -> new BadRequestException("invalid-reset-token", INVALID));
        // A rejected password rolls the transaction back, so the token stays usable for a better one.
        policy.check(newPassword, user.getEmail());
        user.changePassword(passwordEncoder.encode(newPassword), now);
        sessions.revokeAllForUser(user.getId(), now, "PASSWORD_RESET");
    }

    @Scheduled(fixedDelayString = "PT5M")
    void cleanupThrottle() {
        perEmail.cleanup();
        perIp.cleanup();
    }

    private String body(String token) {
        return """
                Someone asked to reset the password of your Clinic Records account.

                Your reset code: %s

                It can be used once and expires in %d minutes. If you did not ask for this, ignore this email: \
                your password stays unchanged.
                """.formatted(token, props.resetTokenTtl().toMinutes());
    }
}
