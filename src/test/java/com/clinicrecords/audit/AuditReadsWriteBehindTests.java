package com.clinicrecords.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.ClinicRecordsApplication;
import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestDatabase;
import com.clinicrecords.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production setting for read audit rows (AUDIT_READS=write-behind), on an instance of its own: every read is
 * in the trail within the flush interval, and every queued row is written when the instance shuts down
 * gracefully. (The shared test context writes read rows inline so other tests can check them at once.)
 */
class AuditReadsWriteBehindTests extends IntegrationTest {

    private static final int READS = 40;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyReadIsAuditedSoonAndNoneIsLostOnGracefulShutdown() {
        ClinicFixtures fx = new ClinicFixtures(api, users);
        ClinicFixtures.PatientAccount patient = fx.patient();
        ClinicFixtures.DoctorAccount doctor = fx.doctor();
        fx.link(doctor, patient);
        ConfigurableApplicationContext second = new SpringApplicationBuilder(ClinicRecordsApplication.class)
                .profiles("test")
                .run(TestDatabase.get()
                        .withArguments(
                                "--server.port=0",
                                "--spring.mail.host=127.0.0.1",
                                "--spring.mail.port=1",
                                "--clinic.mail.relay-interval=1h",
                                "--clinic.audit.reads=write-behind"));
        try {
            ApiClient b = new ApiClient(
                    ((WebServerApplicationContext) second).getWebServer().getPort());
            // each instance signs its own tokens in the test profile: sign in on this one
            String token = b.post("/api/auth/login")
                    .json(Map.of("login", doctor.account().email(), "password", TestUsers.PASSWORD))
                    .send()
                    .text("access_token");
            assertThat(b.get("/api/patients/" + patient.patientId())
                            .token(token)
                            .send()
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> reads(patient, doctor) == 1);
            for (int i = 1; i < READS; i++) {
                assertThat(b.get("/api/patients/" + patient.patientId())
                                .token(token)
                                .send()
                                .status())
                        .isEqualTo(200);
            }
        } finally {
            second.close();
        }
        assertThat(reads(patient, doctor))
                .as("all queued rows written on shutdown")
                .isEqualTo(READS);
    }

    private int reads(ClinicFixtures.PatientAccount patient, ClinicFixtures.DoctorAccount doctor) {
        return jdbc.queryForObject(
                "select count(*) from audit_events where patient_id = ? and actor_user_id = ? and action = 'READ'"
                        + " and resource_type = 'PATIENT' and outcome = 'ALLOW'",
                Integer.class,
                patient.patientId().toString(),
                doctor.account().id().toString());
    }
}
