package com.clinicrecords.shared.persistence;

import com.clinicrecords.shared.domain.RetentionProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes data that has served its purpose (policy: {@link RetentionProperties}, docs/operations.md). Each
 * statement deletes at most {@code batch-size} rows and commits on its own (plain auto-commit, no surrounding
 * transaction), so a purge never holds many row locks or a long transaction next to live traffic, and an
 * interrupted run simply continues next time. Audit events are not touched. Runs on one instance at a time.
 *
 * <p>Plain SQL rather than the modules' repositories: one place shows every table and rule the policy covers,
 * and {@code DELETE ... LIMIT} has no JPA equivalent.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RetentionProperties props;

    RetentionPurge(JdbcTemplate jdbc, Clock clock, RetentionProperties props) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.props = props;
    }

    @Scheduled(
            initialDelayString = "${clinic.retention.initial-delay:5m}",
            fixedDelayString = "${clinic.retention.interval:1h}")
    @SchedulerLock(name = "retention-purge", lockAtMostFor = "PT30M")
    void scheduledRun() {
        try {
            Map<String, Integer> removed = purgeAll();
            if (removed.values().stream().anyMatch(n -> n > 0)) {
                log.info("Retention purge removed {}", removed);
            }
        } catch (RuntimeException e) {
            log.warn("Retention purge failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Runs every purge once; returns the rows removed per kind of data. */
    public Map<String, Integer> purgeAll() {
        Instant now = clock.instant();
        Map<String, Integer> removed = new LinkedHashMap<>();
        // Mail that is no longer pending (sent, or given up after the last retry); bodies may hold codes.
        removed.put(
                "mail",
                purge("DELETE FROM email_outbox WHERE status <> 'PENDING' AND created_at < ?", now, props.sentMail()));
        // Rotated-away refresh tokens first, so deleting their sessions below cascades over few rows.
        removed.put("refreshTokens", purge("DELETE FROM refresh_tokens WHERE used_at < ?", now, props.refreshTokens()));
        removed.put("revokedSessions", purge("DELETE FROM auth_sessions WHERE revoked_at < ?", now, props.sessions()));
        removed.put(
                "expiredSessions",
                purge("DELETE FROM auth_sessions WHERE absolute_expires_at < ?", now, props.sessions()));
        removed.put(
                "passwordResetTokens",
                purge("DELETE FROM password_reset_tokens WHERE expires_at < ?", now, props.passwordResetTokens()));
        removed.put(
                "emailVerificationCodes",
                purge(
                        "DELETE FROM email_verification_codes WHERE expires_at < ?",
                        now,
                        props.emailVerificationCodes()));
        removed.put(
                "idempotencyKeys",
                purge("DELETE FROM image_upload_keys WHERE created_at < ?", now, props.idempotencyKeys()));
        return removed;
    }

    private int purge(String delete, Instant now, Duration age) {
        // Times are stored as UTC wall-clock DATETIME values (hibernate.jdbc.time_zone=UTC).
        LocalDateTime cutoff = LocalDateTime.ofInstant(now.minus(age), ZoneOffset.UTC);
        String batch = delete + " LIMIT " + props.batchSize();
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(batch, cutoff);
            total += deleted;
        } while (deleted == props.batchSize());
        return total;
    }
}
