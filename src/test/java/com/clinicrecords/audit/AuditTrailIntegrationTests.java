package com.clinicrecords.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.patients.domain.Patient;
import com.clinicrecords.patients.persistence.PatientRepository;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestDatabase;
import com.clinicrecords.support.TestUsers.Account;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

class AuditTrailIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    PatientRepository patients;

    @Test
    void shouldRefuseUpdateAndDeleteOfAuditRowsInTheDatabase() throws SQLException {
        UUID marker = UUID.randomUUID();
        audit.recordFor(marker, AuditEntry.allowed(AuditAction.READ, AuditResource.PATIENT, marker, null));
        // recordFor is written behind the caller (within 100 ms).
        Long id = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc
                                .queryForList(
                                        "select id from audit_events where actor_user_id = ?",
                                        Long.class,
                                        marker.toString())
                                .stream()
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);

        // The application's own account: no UPDATE or DELETE privilege on the table (and the triggers behind it).
        assertThatThrownBy(() -> jdbc.update("update audit_events set outcome = 'DENY' where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(
                                ((DataAccessException) e).getMostSpecificCause().getMessage())
                        .containsAnyOf("append-only", "command denied"));
        assertThatThrownBy(() -> jdbc.update("delete from audit_events where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(
                                ((DataAccessException) e).getMostSpecificCause().getMessage())
                        .containsAnyOf("append-only", "command denied"));

        // The schema owner has every privilege: where the triggers exist, they refuse it as well.
        TestDatabase.Server db = TestDatabase.get();
        try (Connection owner = DriverManager.getConnection(db.url(), db.migrationUsername(), db.migrationPassword());
                Statement statement = owner.createStatement()) {
            boolean triggers = triggerCount(statement) == 2;
            assertThat(triggers || TestDatabase.external())
                    .as("the embedded database always has the audit triggers")
                    .isTrue();
            if (triggers) {
                assertThatThrownBy(() ->
                                statement.executeUpdate("update audit_events set outcome = 'DENY' where id = " + id))
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> statement.executeUpdate("delete from audit_events where id = " + id))
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(jdbc.queryForObject("select outcome from audit_events where id = ?", String.class, id))
                .isEqualTo("ALLOW");
    }

    private static int triggerCount(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("select count(*) from information_schema.triggers "
                + "where event_object_schema = database() and event_object_table = 'audit_events'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void shouldShowThePatientWhoAccessedTheirRecordWithoutDetail() {
        Account patientUser = users.patient();
        Account doctor = users.doctor();
        UUID patientId = patientFor(patientUser);
        audit.recordFor(
                doctor.id(),
                AuditEntry.allowed(AuditAction.READ, AuditResource.PATIENT, patientId, patientId)
                        .withDetail("secret clinical detail"));

        ApiResponse log = api.get("/api/patients/" + patientId + "/access-log")
                .token(patientUser.accessToken())
                .send();

        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        assertThat(log.json().path("items").size()).isEqualTo(1);
        assertThat(log.json().path("items").get(0).path("actorId").asString())
                .isEqualTo(doctor.id().toString());
        assertThat(log.json().path("items").get(0).path("actorName").asString()).isEqualTo("Test User");
        assertThat(log.json().path("items").get(0).path("action").asString()).isEqualTo("READ");
        assertThat(log.raw()).doesNotContain("secret clinical detail").doesNotContain("clientIp");
    }

    @Test
    void shouldHideTheAccessLogFromEveryoneButThePatientAndAuditors() {
        Account patientUser = users.patient();
        UUID patientId = patientFor(patientUser);
        String path = "/api/patients/" + patientId + "/access-log";

        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(api.get(path).token(users.patient().accessToken()).send().status())
                .isEqualTo(404);
        assertThat(api.get(path).token(users.doctor().accessToken()).send().status())
                .isEqualTo(404);
        ApiResponse asAdmin = api.get(path).token(users.admin().accessToken()).send();
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(api.get(path + "?limit=101")
                        .token(patientUser.accessToken())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/patients/not-a-uuid/access-log")
                        .token(patientUser.accessToken())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void shouldPageTheAccessLogByCursor() {
        Account patientUser = users.patient();
        UUID patientId = patientFor(patientUser);
        for (int i = 0; i < 5; i++) {
            audit.recordFor(patientUser.id(), AuditEntry.allowed(AuditAction.READ, AuditResource.VISIT, i, patientId));
        }
        String path = "/api/patients/" + patientId + "/access-log?limit=2";
        ApiResponse first = api.get(path).token(patientUser.accessToken()).send();
        ApiResponse second = api.get(
                        path + "&cursor=" + first.json().path("nextCursor").asLong())
                .token(patientUser.accessToken())
                .send();
        ApiResponse third = api.get(
                        path + "&cursor=" + second.json().path("nextCursor").asLong())
                .token(patientUser.accessToken())
                .send();

        assertThat(first.json().path("items").get(0).path("resourceId").asString())
                .isEqualTo("4");
        assertThat(second.json().path("items").get(0).path("resourceId").asString())
                .isEqualTo("2");
        assertThat(third.json().path("items").size()).isEqualTo(1);
        assertThat(third.json().path("nextCursor").isMissingNode()).isTrue();
    }

    @Test
    void shouldLetOnlyAuditorsSearchTheTrail() {
        Account admin = users.admin();
        Account doctor = users.doctor();
        String path = "/api/admin/audit?userId=" + doctor.id() + "&from="
                + Instant.now().minusSeconds(600);

        ApiResponse found = api.get(path).token(admin.accessToken()).send();

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("items").get(0).path("action").asString()).isEqualTo("LOGIN");
        assertThat(found.json().path("items").get(0).path("actorId").asString())
                .isEqualTo(doctor.id().toString());
        ApiResponse refused = api.get(path).token(doctor.accessToken()).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("Reading the audit trail requires the audit:read permission");
        // The refusal is itself on record (written behind the request).
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select concat(action, ':', resource_type, ':', outcome) from audit_events "
                                        + "where actor_user_id = ?",
                                String.class,
                                doctor.id().toString()))
                        .contains("LIST:AUDIT:DENY"));
        assertThat(api.get("/api/admin/audit?from=yesterday")
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/admin/audit?cursor=-1")
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void shouldAnswerRowsWrittenWithOldResourceSpellingsInTodaysSpelling() {
        Account admin = users.admin();
        UUID patientId = patientFor(users.patient());
        for (String old : new String[] {"DoctorPatientLink", "Patient", "user", "access-log", "SomethingNew"}) {
            jdbc.update(
                    "insert into audit_events (occurred_at, patient_id, resource_type, action, outcome) "
                            + "values (utc_timestamp(6), ?, ?, 'READ', 'ALLOW')",
                    patientId.toString(),
                    old);
        }

        ApiResponse found = api.get("/api/admin/audit?patientId=" + patientId)
                .token(admin.accessToken())
                .send();

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json()
                        .path("items")
                        .valueStream()
                        .map(item -> item.path("resourceType").asString())
                        .toList())
                .contains("DOCTOR_PATIENT_LINK", "PATIENT", "USER", "ACCESS_LOG", "SomethingNew")
                .doesNotContain("DoctorPatientLink", "Patient", "user", "access-log");
    }

    private UUID patientFor(Account account) {
        return patients.save(new Patient(account.id(), "Pat", "Ient", Instant.now()))
                .getId();
    }
}
