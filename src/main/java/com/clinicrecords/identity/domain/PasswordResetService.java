package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.AuthSessionRepository;
import com.clinicrecords.identity.persistence.PasswordResetTokenRepository;
import com.clinicrecords.identity.persistence.SharedRateLimits;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.TooManyRequestsException;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password": a single-use token by email, then a new password with it. The request is answered
 * before the account is even looked up (the lookup and token run in the background), so neither the
 * response nor its timing tells whether an account exists.
 */
@Service
public class PasswordResetService {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);
    private static final String INVALID = "The reset token is invalid or has expired";

    private final UserRepository users;
    private final PasswordResetTokenRepository tokens;
    private final AuthSessionRepository sessions;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final ResetTokenIssuer issuer;
    private final SecurityEvents events;
    private final SharedRateLimits limits;
    private final ThrottleProperties.ForgotPassword throttle;
    private final TaskExecutor background;
    private final Clock clock;

    PasswordResetService(
            UserRepository users,
            PasswordResetTokenRepository tokens,
            AuthSessionRepository sessions,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            ResetTokenIssuer issuer,
            SecurityEvents events,
            ThrottleProperties.ForgotPassword throttle,
            SharedRateLimits limits,
            @Qualifier("applicationTaskExecutor") TaskExecutor background,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.issuer = issuer;
        this.events = events;
        this.throttle = throttle;
        this.limits = limits;
        this.clock = clock;
        // Boot's task executor (spring.task.execution.*): bounded queue, finishes queued work on shutdown.
        this.background = background;
    }

    /**
     * Throttles (per IP and per canonical address, shared by every instance through the database), then
     * issues the token (if the account exists and is active) in the background.
     */
    public void requestReset(String email, String clientIp) {
        String canonical = EmailAddresses.canonical(email);
        acquire("forgot-password-ip", clientIp == null ? "unknown" : clientIp, throttle.perIp());
        acquire("forgot-password-email", canonical == null ? "" : canonical, throttle.perEmail());
        try {
            background.execute(() -> {
                try {
                    issuer.issue(canonical);
                } catch (RuntimeException e) {
                    log.warn(
                            "Issuing a password reset token failed: {}",
                            e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Password reset queue is full; request dropped");
        }
    }

    /** Sets a new password with a valid token, spends the token and ends every session of the account. */
    @Transactional
    public void reset(String token, String newPassword) {
        if (token == null || token.isBlank() || token.length() > 128) {
            throw new BadRequestException("invalid-reset-token", INVALID);
        }
        String hash = OpaqueTokens.sha256Hex(token);
        Instant now = clock.instant();
        PasswordResetToken stored = tokens.findById(hash)
                .filter(t -> t.isUsable(now))
                .orElseThrow(() -> new BadRequestException("invalid-reset-token", INVALID));
        if (tokens.markUsed(hash, now) == 0) {
            throw new BadRequestException("invalid-reset-token", INVALID);
        }
        User user = users.findById(stored.getUserId())
                .filter(User::isActive)
                .orElseThrow(() -> new BadRequestException("invalid-reset-token", INVALID));
        // A rejected password rolls the transaction back, so the token stays usable for a better one.
        policy.check(newPassword, user.getEmail());
        user.changePassword(passwordEncoder.encode(newPassword), now);
        sessions.revokeAllForUser(user.getId(), now, "PASSWORD_RESET");
        events.passwordReset(user.getId());
    }

    private void acquire(String limitName, String subject, RateLimiter.Limit limit) {
        ConsumptionProbe probe = limits.tryConsume(limitName, subject, limit);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(
                    "Too many password reset attempts; try again later",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1));
        }
    }
}
