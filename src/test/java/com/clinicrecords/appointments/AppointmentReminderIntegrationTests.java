package com.clinicrecords.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.appointments.domain.AppointmentReminders;
import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.Mailbox;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class AppointmentReminderIntegrationTests extends IntegrationTest {

    @Autowired
    AppointmentReminders reminders;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldEmailPatientOnceWithoutMedicalDetailsWhenAppointmentIsWithinLead() {
        ClinicFixtures fx = new ClinicFixtures(api, users);
        DoctorAccount doctor = fx.doctor();
        PatientAccount patient = fx.patient();
        fx.link(doctor, patient);
        Instant soon = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofHours(3));
        Instant later = soon.plus(Duration.ofDays(5));
        String soonId = book(patient, doctor, soon).text("id");
        String laterId = book(patient, doctor, later).text("id");

        reminders.sendDue();
        reminders.sendDue();

        String body = Mailbox.awaitBody(patient.account().email(), 1);
        assertThat(body).contains(soon.toString().substring(0, 10)).doesNotContain("Secret");
        Mailbox.assertStays(patient.account().email(), 1, Duration.ofMillis(1500)); // exactly one reminder
        assertThat(jdbc.queryForObject("select reminder_sent_at from appointments where id = ?", Object.class, soonId))
                .isNotNull();
        assertThat(jdbc.queryForObject("select reminder_sent_at from appointments where id = ?", Object.class, laterId))
                .isNull();
    }

    private ApiResponse book(PatientAccount patient, DoctorAccount doctor, Instant start) {
        ApiResponse booked = api.post("/api/appointments")
                .token(patient.token())
                .json(Map.of(
                        "doctorId",
                        doctor.doctorId().toString(),
                        "patientId",
                        patient.patientId().toString(),
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.plusSeconds(1800).toString(),
                        "reason",
                        "Secret symptom"))
                .send();
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked;
    }
}
