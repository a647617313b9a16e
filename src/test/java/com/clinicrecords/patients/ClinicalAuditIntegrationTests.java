package com.clinicrecords.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every access to and change of clinical data leaves an audit row naming the patient. */
class ClinicalAuditIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldAuditLinksRecordsVisitsAppointmentsAndDenials() {
        ClinicFixtures fx = new ClinicFixtures(api, users);
        DoctorAccount doctor = fx.doctor();
        PatientAccount patient = fx.patient();
        PatientAccount stranger = fx.patient();
        fx.link(doctor, patient);
        String pid = patient.patientId().toString();

        api.get("/api/patients/" + pid).token(doctor.token()).send();
        api.get("/api/patients/" + pid).token(stranger.token()).send();
        api.post("/api/patients/" + pid + "/visits")
                .token(doctor.token())
                .json(Map.of("visitedAt", Instant.now().minusSeconds(60).toString(), "notes", "n", "diagnosis", "d"))
                .send();
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
        ApiResponse booked = api.post("/api/appointments")
                .token(patient.token())
                .json(Map.of(
                        "doctorId",
                        doctor.doctorId().toString(),
                        "patientId",
                        pid,
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.plusSeconds(1800).toString()))
                .send();
        api.get("/api/appointments/" + booked.text("id")).token(doctor.token()).send();
        api.post("/api/appointments/" + booked.text("id") + "/cancel")
                .token(patient.token())
                .send();
        fx.unlink(doctor, patient);
        api.delete("/api/patients/" + pid)
                .token(fx.admin().accessToken())
                .json(Map.of("reason", "test"))
                .send();

        // Refusals are written behind the request (within 100 ms).
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select concat(resource_type, ':', action, ':', outcome) "
                                        + "from audit_events where patient_id = ? order by id",
                                String.class,
                                pid))
                        .contains(
                                "DOCTOR_PATIENT_LINK:LINK:ALLOW",
                                "PATIENT:READ:ALLOW",
                                "PATIENT:READ:DENY",
                                "VISIT:CREATE:ALLOW",
                                "PATIENT:UPDATE:ALLOW",
                                "APPOINTMENT:CREATE:ALLOW",
                                "APPOINTMENT:READ:ALLOW",
                                "APPOINTMENT:UPDATE:ALLOW",
                                "DOCTOR_PATIENT_LINK:UNLINK:ALLOW",
                                "PATIENT:DELETE:ALLOW"));
        assertThat(jdbc.queryForObject(
                        "select actor_user_id from audit_events where patient_id = ? and outcome = 'DENY'"
                                + " order by id limit 1",
                        String.class,
                        pid))
                .isEqualTo(stranger.account().id().toString());
    }
}
