package com.clinicrecords.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.ClinicRecordsApplication;
import com.clinicrecords.appointments.domain.AppointmentReminders;
import com.clinicrecords.identity.security.JwtSigningKey;
import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.Mailbox;
import com.clinicrecords.support.TestDatabase;
import com.clinicrecords.support.TestMail;
import com.clinicrecords.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application instances on one database, as behind a load balancer: instance A is the suite's shared
 * context, instance B a second application started here on another random port against the same database and
 * SMTP server (and closed after this class). Both share the JWT key, as every instance shares JWT_SECRET in
 * production. Add further cross-instance cases here, calling {@link #a} and {@link #b}.
 */
class MultipleInstancesIntegrationTests extends IntegrationTest {

    private static ConfigurableApplicationContext instanceB;

    @Autowired
    JwtSigningKey signingKey;

    @Autowired
    AppointmentReminders reminders;

    @Autowired
    JdbcTemplate jdbc;

    /** Clients of instance A (the shared context) and instance B. */
    protected ApiClient a;

    protected ApiClient b;

    @BeforeEach
    void startSecondInstance() {
        if (instanceB == null) {
            instanceB = startInstance(
                    Base64.getEncoder().encodeToString(signingKey.key().getEncoded()));
        }
        a = api;
        b = new ApiClient(
                ((WebServerApplicationContext) instanceB).getWebServer().getPort());
    }

    @AfterAll
    static void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    @Test
    void shouldEndOnInstanceBASessionThatWasRevokedOnInstanceA() {
        TestUsers.Account user = users.patient();
        assertThat(b.get("/api/users/me").token(user.accessToken()).send().status())
                .as("a token issued by A works on B")
                .isEqualTo(200);

        assertThat(a.post("/api/auth/logout").token(user.accessToken()).send().status())
                .isEqualTo(204);

        assertThat(b.get("/api/users/me").token(user.accessToken()).send().status())
                .as("the session ended on A is dead on B at once")
                .isEqualTo(401);
        assertThat(b.post("/api/auth/refresh")
                        .json(Map.of("refresh_token", user.refreshToken()))
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void shouldSendAReminderOnceWhileBothInstancesRunTheReminderJob() {
        ClinicFixtures clinic = new ClinicFixtures(a, users);
        ClinicFixtures.DoctorAccount doctor = clinic.doctor();
        ClinicFixtures.PatientAccount patient = clinic.patient();
        clinic.link(doctor, patient);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofHours(3));
        ApiResponse booked = a.post("/api/appointments")
                .token(patient.token())
                .json(Map.of(
                        "doctorId", doctor.doctorId().toString(),
                        "patientId", patient.patientId().toString(),
                        "startsAt", start.toString(),
                        "endsAt", start.plusSeconds(1800).toString()))
                .send();
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

        // B's scheduled job runs every 200 ms; A's runs here at the same time, straight after booking.
        for (int i = 0; i < 10; i++) {
            reminders.sendDue();
        }

        String email = patient.account().email();
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.to(email).size() >= 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> Mailbox.to(email).size() == 1);
        assertThat(lockedJobs()).as("B's jobs go through the shared lock table").contains("appointment-reminders");
    }

    @Test
    void shouldRunTheRetentionPurgeUnderTheSharedLock() {
        await().atMost(Duration.ofSeconds(30)).until(() -> lockedJobs().contains("retention-purge"));
    }

    private java.util.List<String> lockedJobs() {
        return jdbc.queryForList("select name from shedlock", String.class);
    }

    private static ConfigurableApplicationContext startInstance(String jwtSecret) {
        TestDatabase.Server db = TestDatabase.get();
        // Command-line arguments outrank application(-test).yml, like the environment does in a deployment.
        return new SpringApplicationBuilder(ClinicRecordsApplication.class)
                .profiles("test")
                .run(db.withArguments(
                        "--server.port=0",
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + TestMail.get().getSmtp().getPort(),
                        "--clinic.security.jwt.secret=" + jwtSecret,
                        "--clinic.appointments.reminder-interval=200ms",
                        "--clinic.retention.initial-delay=1s"));
    }
}
