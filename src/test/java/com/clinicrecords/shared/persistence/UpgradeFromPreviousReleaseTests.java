package com.clinicrecords.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.clinicrecords.ClinicRecordsApplication;
import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.TestDatabase;
import com.clinicrecords.support.TestUsers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * An upgrade as it happens in production: a database migrated by the previous release (every migration up to
 * {@value #PREVIOUS_RELEASE}, including the since-retired 7.2) holds data; the current code starts on it, Flyway
 * applies the rest, and the data is served through the HTTP API. On MySQL with binary logging and no SUPER, the
 * previous release's 7.2 fails exactly as it did in the field; the current code must still start.
 *
 * <p>Runs its own application instance on a second, empty database of the test server (not the shared context).
 */
class UpgradeFromPreviousReleaseTests {

    static final String PREVIOUS_RELEASE = "7.2";
    private static final String ADMIN_ROLE = "00000000-0000-0000-0000-000000000001";
    private static final String DOCTOR_ROLE = "00000000-0000-0000-0000-000000000002";
    private static final String PATIENT_ROLE = "00000000-0000-0000-0000-000000000003";

    @Test
    void shouldServeThePreviousReleasesDataAfterTheUpgrade() throws SQLException {
        TestDatabase.Server db = TestDatabase.get();
        assumeTrue(db.upgradeUrl() != null, "needs an empty second database (-Dclinic.test.db.upgrade-url)");
        String failedAt = migrateLikeThePreviousRelease(db);

        Ids ids;
        try (Connection owner =
                DriverManager.getConnection(db.upgradeUrl(), db.migrationUsername(), db.migrationPassword())) {
            ids = storeData(owner);
        }

        ConfigurableApplicationContext app = new SpringApplicationBuilder(ClinicRecordsApplication.class)
                .profiles("test")
                .run(withArguments(
                        db.applicationArguments(db.upgradeUrl()),
                        "--server.port=0",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=1"));
        try {
            ApiClient api = new ApiClient(
                    ((WebServerApplicationContext) app).getWebServer().getPort());
            String doctor = login(api, ids.doctorEmail());
            String admin = login(api, ids.adminEmail());

            ApiResponse patient =
                    api.get("/api/patients/" + ids.patientId()).token(doctor).send();
            assertThat(patient.status()).as(patient.toString()).isEqualTo(200);
            assertThat(patient.text("lastName")).isEqualTo("Upgraded");

            ApiResponse appointment = api.get("/api/appointments/" + ids.appointmentId())
                    .token(doctor)
                    .send();
            assertThat(appointment.status()).as(appointment.toString()).isEqualTo(200);
            assertThat(appointment.text("reason")).isEqualTo("stored by the previous release");
            ApiResponse list = api.get("/api/appointments").token(doctor).send();
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            List<String> listed = new ArrayList<>();
            list.json().path("content").forEach(a -> listed.add(a.path("id").asString()));
            assertThat(listed)
                    .as("the doctor's list in start order: own schedule, and the linked patient's other appointment "
                            + "from the rows the upgrade wrote for the existing link")
                    .containsExactly(ids.appointmentId(), ids.linkedAppointmentId());

            ApiResponse trail = api.get("/api/admin/audit?userId=" + ids.doctorUserId())
                    .token(admin)
                    .send();
            assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
            assertThat(trail.raw()).contains("previous-release-row");
        } finally {
            app.close();
        }

        try (Connection owner =
                DriverManager.getConnection(db.upgradeUrl(), db.migrationUsername(), db.migrationPassword())) {
            assertThat(history(owner))
                    .as("7.2 %s: repaired, later versions applied", failedAt == null ? "applied" : "failed")
                    .contains("202611261200:true")
                    .doesNotContain("7.2:false");
        }
    }

    /** Flyway as the previous release ran it; returns the failure message when 7.2 failed (MySQL without SUPER). */
    private static String migrateLikeThePreviousRelease(TestDatabase.Server db) {
        Flyway previous = Flyway.configure()
                .dataSource(db.upgradeUrl(), db.migrationUsername(), db.migrationPassword())
                .locations("classpath:db/migration", "classpath:db/retired")
                .target(PREVIOUS_RELEASE)
                .cleanDisabled(false)
                .load();
        previous.clean();
        try {
            previous.migrate();
            return null;
        } catch (FlywayException e) {
            assertThat(TestDatabase.external())
                    .as("only MySQL without SUPER fails 7.2: %s", e.getMessage())
                    .isTrue();
            assertThat(e.getMessage()).contains("V7_2");
            return e.getMessage();
        }
    }

    private static Ids storeData(Connection c) throws SQLException {
        String hash = "{argon2id-v1}" + new Argon2PasswordEncoder(16, 32, 1, 19_456, 2).encode(TestUsers.PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String admin = user(c, "upgrade-admin-" + suffix + "@example.test", hash, ADMIN_ROLE);
        String doctorUser = user(c, "upgrade-doctor-" + suffix + "@example.test", hash, DOCTOR_ROLE);
        String patientUser = user(c, "upgrade-patient-" + suffix + "@example.test", hash, PATIENT_ROLE);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        String doctorId = UUID.randomUUID().toString();
        update(
                c,
                "insert into doctors (id, user_id, created_at, updated_at) values (?, ?, ?, ?)",
                doctorId,
                doctorUser,
                now,
                now);
        String patientId = UUID.randomUUID().toString();
        update(
                c,
                "insert into patients (id, user_id, first_name, last_name, created_at, updated_at) "
                        + "values (?, ?, 'Pat', 'Upgraded', ?, ?)",
                patientId,
                patientUser,
                now,
                now);
        update(
                c,
                "insert into doctor_patient_links (doctor_id, patient_id, linked_at, linked_by) values (?, ?, ?, ?)",
                doctorId,
                patientId,
                now,
                admin);
        String appointmentId = UUID.randomUUID().toString();
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        update(
                c,
                "insert into appointments (id, doctor_id, patient_id, starts_at, ends_at, status, reason, "
                        + "created_at, created_by, updated_at) values (?, ?, ?, ?, ?, 'BOOKED', "
                        + "'stored by the previous release', ?, ?, ?)",
                appointmentId,
                doctorId,
                patientId,
                Timestamp.valueOf(start),
                Timestamp.valueOf(start.plusMinutes(30)),
                now,
                patientUser,
                now);
        // an appointment with another doctor: the linked doctor's list shows it only through the link
        String otherDoctorUser = user(c, "upgrade-doctor2-" + suffix + "@example.test", hash, DOCTOR_ROLE);
        String otherDoctorId = UUID.randomUUID().toString();
        update(
                c,
                "insert into doctors (id, user_id, created_at, updated_at) values (?, ?, ?, ?)",
                otherDoctorId,
                otherDoctorUser,
                now,
                now);
        String linkedAppointmentId = UUID.randomUUID().toString();
        update(
                c,
                "insert into appointments (id, doctor_id, patient_id, starts_at, ends_at, status, reason, "
                        + "created_at, created_by, updated_at) values (?, ?, ?, ?, ?, 'BOOKED', 'with another doctor', "
                        + "?, ?, ?)",
                linkedAppointmentId,
                otherDoctorId,
                patientId,
                Timestamp.valueOf(start.plusDays(1)),
                Timestamp.valueOf(start.plusDays(1).plusMinutes(30)),
                now,
                patientUser,
                now);
        update(
                c,
                "insert into audit_events (occurred_at, actor_user_id, actor_roles, patient_id, resource_type, "
                        + "resource_id, action, outcome, detail) values (?, ?, 'DOCTOR', ?, 'patient', ?, 'READ', "
                        + "'ALLOW', 'previous-release-row')",
                now,
                doctorUser,
                patientId,
                patientId);
        return new Ids(
                "upgrade-admin-" + suffix + "@example.test",
                "upgrade-doctor-" + suffix + "@example.test",
                doctorUser,
                patientId,
                appointmentId,
                linkedAppointmentId);
    }

    private static String user(Connection c, String email, String hash, String role) throws SQLException {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        update(
                c,
                "insert into users (id, email, first_name, last_name, password_hash, status, email_verified, "
                        + "created_at, updated_at) values (?, ?, 'Up', 'Grade', ?, 'ACTIVE', true, ?, ?)",
                id,
                email,
                hash,
                now,
                now);
        update(c, "insert into user_roles (user_id, role_id) values (?, ?)", id, role);
        return id;
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private static List<String> history(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                        "select version, success from flyway_schema_history where version is not null "
                                + "and type <> 'DELETE' order by installed_rank");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + ":" + rs.getBoolean(2));
            }
        }
        return rows;
    }

    private static String login(ApiClient api, String email) {
        ApiResponse login = api.post("/api/auth/login")
                .json(Map.of("email", email, "password", TestUsers.PASSWORD))
                .send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.text("access_token");
    }

    private static String[] withArguments(List<String> database, String... more) {
        List<String> all = new ArrayList<>(database);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private record Ids(
            String adminEmail,
            String doctorEmail,
            String doctorUserId,
            String patientId,
            String appointmentId,
            String linkedAppointmentId) {}
}
