package com.clinicrecords.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicrecords.imaging.TestFiles;
import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.shared.domain.RetentionProperties;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention on the real database with the default ages (30 days for mail and ended sessions, 7 days for spent
 * tokens, codes and idempotency keys): rows past their age are deleted, younger ones and everything still in
 * use stay, and the audit trail is never touched.
 */
class RetentionPurgeIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RetentionPurge purge;

    @Autowired
    RetentionProperties props;

    @Autowired
    Clock clock;

    @Test
    void shouldDeleteSentAndGivenUpMailAfterThirtyDaysButKeepYoungerAndPendingMail() {
        String oldSent = mail("SENT", ago(Duration.ofDays(31)));
        String oldFailed = mail("FAILED", ago(Duration.ofDays(31)));
        String oldPending = mail("PENDING", ago(Duration.ofDays(31)));
        String youngSent = mail("SENT", ago(Duration.ofDays(29)));

        purge.purgeAll();

        assertThat(exists("email_outbox", "id", oldSent)).isFalse();
        assertThat(exists("email_outbox", "id", oldFailed)).isFalse();
        assertThat(exists("email_outbox", "id", oldPending))
                .as("pending mail is never purged")
                .isTrue();
        assertThat(exists("email_outbox", "id", youngSent)).isTrue();
    }

    @Test
    void shouldDeleteEndedSessionsWithTheirTokensAndSpentRefreshTokensButKeepLiveOnes() {
        TestUsers.Account user = users.patient();
        String liveSession = jdbc.queryForObject(
                "select id from auth_sessions where user_id = ? and revoked_at is null",
                String.class,
                user.id().toString());
        String oldRevoked = session(
                user.id(), ago(Duration.ofDays(31)), ago(Duration.ofDays(40)).plusHours(12));
        String youngRevoked = session(
                user.id(), ago(Duration.ofDays(29)), ago(Duration.ofDays(29)).plusHours(12));
        String oldExpired = session(user.id(), null, ago(Duration.ofDays(31)));
        String youngExpired = session(user.id(), null, ago(Duration.ofDays(1)));
        String tokenOfOldSession = refreshToken(oldRevoked, null);
        String oldSpentToken = refreshToken(liveSession, ago(Duration.ofDays(8)));
        String youngSpentToken = refreshToken(liveSession, ago(Duration.ofDays(6)));
        String unusedToken = refreshToken(liveSession, null);

        purge.purgeAll();

        assertThat(exists("auth_sessions", "id", oldRevoked)).isFalse();
        assertThat(exists("auth_sessions", "id", oldExpired)).isFalse();
        assertThat(exists("auth_sessions", "id", youngRevoked)).isTrue();
        assertThat(exists("auth_sessions", "id", youngExpired)).isTrue();
        assertThat(exists("auth_sessions", "id", liveSession)).isTrue();
        assertThat(exists("refresh_tokens", "token_hash", tokenOfOldSession)).isFalse();
        assertThat(exists("refresh_tokens", "token_hash", oldSpentToken)).isFalse();
        assertThat(exists("refresh_tokens", "token_hash", youngSpentToken)).isTrue();
        assertThat(exists("refresh_tokens", "token_hash", unusedToken)).isTrue();
        assertThat(api.get("/api/users/me").token(user.accessToken()).send().status())
                .as("the live session still works")
                .isEqualTo(200);
    }

    @Test
    void shouldDeleteResetTokensAndVerificationCodesSevenDaysAfterTheyExpired() {
        TestUsers.Account old = users.patient();
        TestUsers.Account young = users.patient();
        String oldToken = resetToken(old.id(), ago(Duration.ofDays(8)));
        String youngToken = resetToken(young.id(), ago(Duration.ofDays(6)));
        verificationCode(old.id(), ago(Duration.ofDays(8)));
        verificationCode(young.id(), ago(Duration.ofDays(6)));

        purge.purgeAll();

        assertThat(exists("password_reset_tokens", "token_hash", oldToken)).isFalse();
        assertThat(exists("password_reset_tokens", "token_hash", youngToken)).isTrue();
        assertThat(exists("email_verification_codes", "user_id", old.id().toString()))
                .isFalse();
        assertThat(exists("email_verification_codes", "user_id", young.id().toString()))
                .isTrue();
    }

    @Test
    void shouldForgetIdempotencyKeysAfterSevenDaysButKeepTheImages() {
        ClinicFixtures clinic = new ClinicFixtures(api, users);
        ClinicFixtures.PatientAccount patient = clinic.patient();
        String oldKey = upload(patient, "old-" + UUID.randomUUID());
        String youngKey = upload(patient, "young-" + UUID.randomUUID());
        jdbc.update(
                "update image_upload_keys set created_at = ? where idempotency_key = ?",
                ago(Duration.ofDays(8)),
                oldKey);

        purge.purgeAll();

        assertThat(exists("image_upload_keys", "idempotency_key", oldKey)).isFalse();
        assertThat(exists("image_upload_keys", "idempotency_key", youngKey)).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from images where patient_id = ?",
                        Integer.class,
                        patient.patientId().toString()))
                .isEqualTo(2);
    }

    @Test
    void shouldKeepAuditEventsHoweverOld() {
        String marker = "retention-" + UUID.randomUUID();
        jdbc.update(
                "insert into audit_events (occurred_at, resource_type, action, outcome, detail) values (?, ?, ?, ?, ?)",
                ago(Duration.ofDays(3650)),
                "TEST",
                "READ",
                "ALLOW",
                marker);

        purge.purgeAll();

        assertThat(exists("audit_events", "detail", marker)).isTrue();
    }

    @Test
    void shouldDeleteInSmallBatchesUntilNothingOldIsLeft() {
        RetentionProperties twoAtATime = new RetentionProperties(
                props.interval(),
                2,
                props.sentMail(),
                props.sessions(),
                props.refreshTokens(),
                props.passwordResetTokens(),
                props.emailVerificationCodes(),
                props.idempotencyKeys());
        String[] old = new String[5];
        for (int i = 0; i < old.length; i++) {
            old[i] = mail("SENT", ago(Duration.ofDays(45)));
        }

        var removed = new RetentionPurge(jdbc, clock, twoAtATime).purgeAll();

        assertThat(removed.get("mail")).isGreaterThanOrEqualTo(5);
        for (String id : old) {
            assertThat(exists("email_outbox", "id", id)).isFalse();
        }
    }

    @Test
    void shouldRefuseAgesThatAreNotPositive() {
        assertThatThrownBy(() -> new RetentionProperties(null, 0, Duration.ZERO, null, null, null, null, null))
                .hasMessageContaining("clinic.retention.sent-mail");
    }

    private String upload(ClinicFixtures.PatientAccount patient, String key) {
        ApiResponse response = api.post("/api/patients/" + patient.patientId() + "/images")
                .token(patient.token())
                .header("Idempotency-Key", key)
                .bytes(TestFiles.png(3000), "image/png")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return key;
    }

    private String mail(String status, LocalDateTime createdAt) {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into email_outbox (id, recipient, subject, body, status, attempts, next_attempt_at, created_at,"
                        + " sent_at) values (?, ?, 'Test', 'Your code is 123456', ?, 1, ?, ?, ?)",
                id,
                "retention-" + id + "@example.test",
                status,
                // far in the future, so the running relay never picks a PENDING test row
                status.equals("PENDING") ? createdAt.plusYears(100) : createdAt,
                createdAt,
                status.equals("SENT") ? createdAt : null);
        return id;
    }

    private String session(UUID userId, LocalDateTime revokedAt, LocalDateTime expiresAt) {
        String id = UUID.randomUUID().toString();
        LocalDateTime created = expiresAt.minusHours(12);
        jdbc.update(
                "insert into auth_sessions (id, user_id, created_at, last_used_at, absolute_expires_at, revoked_at,"
                        + " revoke_reason) values (?, ?, ?, ?, ?, ?, ?)",
                id,
                userId.toString(),
                created,
                created,
                expiresAt,
                revokedAt,
                revokedAt == null ? null : "LOGOUT");
        return id;
    }

    private String refreshToken(String sessionId, LocalDateTime usedAt) {
        String hash = hash();
        jdbc.update(
                "insert into refresh_tokens (token_hash, session_id, issued_at, used_at) values (?, ?, ?, ?)",
                hash,
                sessionId,
                usedAt == null ? ago(Duration.ofDays(8)) : usedAt.minusMinutes(10),
                usedAt);
        return hash;
    }

    private String resetToken(UUID userId, LocalDateTime expiresAt) {
        String hash = hash();
        jdbc.update(
                "insert into password_reset_tokens (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)",
                hash,
                userId.toString(),
                expiresAt.minusMinutes(15),
                expiresAt);
        return hash;
    }

    private void verificationCode(UUID userId, LocalDateTime expiresAt) {
        jdbc.update(
                "insert into email_verification_codes (user_id, email, code_hash, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?)",
                userId.toString(),
                "code-" + userId + "@example.test",
                hash(),
                expiresAt.minusMinutes(10),
                expiresAt);
    }

    private boolean exists(String table, String column, String value) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class, value)
                > 0;
    }

    private static String hash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    /** UTC wall-clock time, as the application stores it. */
    private static LocalDateTime ago(Duration age) {
        return LocalDateTime.ofInstant(Instant.now().minus(age), ZoneOffset.UTC);
    }
}
