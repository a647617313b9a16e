package com.clinicrecords.shared.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long data that has served its purpose is kept before the retention purge deletes it ({@code
 * clinic.retention.*}); see docs/operations.md for the policy and its reasons. Audit events are never purged.
 *
 * @param interval pause between purge runs
 * @param batchSize rows deleted per statement (each statement is its own short transaction)
 * @param sentMail sent or given-up outbox mail, by creation time (bodies may hold one-time codes)
 * @param sessions revoked or expired sessions, after they ended (their refresh tokens go with them)
 * @param refreshTokens rotated-away refresh tokens of live sessions, after use; keep it above the session
 *     lifetime (12 h) so a replayed old token is still recognised and ends its session
 * @param passwordResetTokens reset tokens, after they expired
 * @param emailVerificationCodes verification codes, after they expired
 * @param idempotencyKeys remembered upload answers ({@code Idempotency-Key}), after they were stored
 */
@ConfigurationProperties("clinic.retention")
public record RetentionProperties(
        Duration interval,
        int batchSize,
        Duration sentMail,
        Duration sessions,
        Duration refreshTokens,
        Duration passwordResetTokens,
        Duration emailVerificationCodes,
        Duration idempotencyKeys) {

    public RetentionProperties {
        interval = positive("interval", interval, Duration.ofHours(1));
        batchSize = batchSize > 0 ? batchSize : 500;
        sentMail = positive("sent-mail", sentMail, Duration.ofDays(30));
        sessions = positive("sessions", sessions, Duration.ofDays(30));
        refreshTokens = positive("refresh-tokens", refreshTokens, Duration.ofDays(7));
        passwordResetTokens = positive("password-reset-tokens", passwordResetTokens, Duration.ofDays(7));
        emailVerificationCodes = positive("email-verification-codes", emailVerificationCodes, Duration.ofDays(7));
        idempotencyKeys = positive("idempotency-keys", idempotencyKeys, Duration.ofDays(7));
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("clinic.retention." + name + " must be a positive duration");
        }
        return value;
    }
}
