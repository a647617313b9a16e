package com.clinicrecords.appointments;

import static com.clinicrecords.appointments.AppointmentFixtures.book;
import static com.clinicrecords.appointments.AppointmentFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.AtOnce;
import com.clinicrecords.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** concurrent bookings of one slot over real HTTP against the real database. */
class DoubleBookingIntegrationTests extends IntegrationTest {

    private static final int THREADS = 20;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldAcceptExactlyOneWhenTwentyPatientsBookSameDoctorSlotConcurrently() {
        ClinicFixtures fx = new ClinicFixtures(api, users);
        DoctorAccount doctor = fx.doctor();
        List<PatientAccount> patients = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            PatientAccount p = fx.patient();
            fx.link(doctor, p);
            patients.add(p);
        }
        Instant start = slot(3, 9);

        List<ApiResponse> responses = AtOnce.send(patients.stream()
                .map(p -> (Supplier<ApiResponse>) () -> book(api, p.token(), doctor.doctorId(), p.patientId(), start))
                .toList());

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        List<ApiResponse> conflicts =
                responses.stream().filter(r -> r.status() == 409).toList();
        assertThat(conflicts).as(responses.toString()).hasSize(THREADS - 1);
        assertThat(conflicts).allSatisfy(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("type")).isEqualTo("/problems/appointment-conflict");
            assertThat(r.text("conflictingWith")).isEqualTo("doctor");
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from appointments where doctor_id = ? and status <> 'CANCELLED'",
                        Integer.class,
                        doctor.doctorId().toString()))
                .isEqualTo(1);

        ApiResponse winner =
                responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
        assertThat(api.post("/api/appointments/" + winner.text("id") + "/cancel")
                        .token(doctor.token())
                        .send()
                        .status())
                .isEqualTo(200);
        PatientAccount other = patients.stream()
                .filter(p -> !p.patientId().toString().equals(winner.text("patientId")))
                .findFirst()
                .orElseThrow();
        assertThat(book(api, other.token(), doctor.doctorId(), other.patientId(), start)
                        .status())
                .as("a cancelled appointment frees its slot")
                .isEqualTo(201);
    }

    @Test
    void shouldRejectOverlapWhenSamePatientBooksTwoDoctorsConcurrently() {
        ClinicFixtures fx = new ClinicFixtures(api, users);
        DoctorAccount first = fx.doctor();
        DoctorAccount second = fx.doctor();
        PatientAccount patient = fx.patient();
        fx.link(first, patient);
        fx.link(second, patient);
        Instant start = slot(3, 10);

        List<ApiResponse> responses = AtOnce.send(
                () -> book(api, patient.token(), first.doctorId(), patient.patientId(), start),
                () -> book(api, patient.token(), second.doctorId(), patient.patientId(), start.plusSeconds(900)));

        assertThat(responses).extracting(ApiResponse::status).containsExactlyInAnyOrder(201, 409);
        ApiResponse conflict =
                responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(conflict.text("type")).isEqualTo("/problems/appointment-conflict");
        assertThat(conflict.text("conflictingWith")).isEqualTo("patient");
        assertThat(book(api, patient.token(), second.doctorId(), patient.patientId(), start.plusSeconds(2700))
                        .status())
                .as("back-to-back is not an overlap")
                .isEqualTo(201);
    }
}
