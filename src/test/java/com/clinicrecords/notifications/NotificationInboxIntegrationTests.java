package com.clinicrecords.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationInboxIntegrationTests extends IntegrationTest {

    @Test
    void shouldNotifyBothPartiesWithoutMedicalDetailsWhenAppointmentBookedMovedAndCancelled() {
        ClinicFixtures fx = new ClinicFixtures(api, users);
        DoctorAccount doctor = fx.doctor();
        PatientAccount patient = fx.patient();
        fx.link(doctor, patient);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
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
                        "Secret rash"))
                .send();
        assertThat(booked.status()).isEqualTo(201);
        String id = booked.text("id");
        assertThat(api.put("/api/appointments/" + id)
                        .token(doctor.token())
                        .header("If-Match", booked.header("ETag"))
                        .json(Map.of(
                                "startsAt",
                                start.plusSeconds(3600).toString(),
                                "endsAt",
                                start.plusSeconds(5400).toString()))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/appointments/" + id + "/cancel")
                        .token(patient.token())
                        .send()
                        .status())
                .isEqualTo(200);

        for (String token : new String[] {patient.token(), doctor.token()}) {
            ApiResponse inbox = api.get("/api/notifications").token(token).send();
            assertThat(inbox.status()).isEqualTo(200);
            assertThat(inbox.json().path("totalElements").asInt()).isEqualTo(3);
            assertThat(inbox.raw())
                    .contains("APPOINTMENT_BOOKED", "APPOINTMENT_RESCHEDULED", "APPOINTMENT_CANCELLED")
                    .doesNotContain("Secret rash");
            assertThat(inbox.json().path("content").get(0).path("link").asString())
                    .isEqualTo("/api/appointments/" + id);
        }
    }

    @Test
    void shouldKeepInboxPrivateAndTrackReadState() {
        ClinicFixtures fx = new ClinicFixtures(api, users);
        DoctorAccount doctor = fx.doctor();
        PatientAccount patient = fx.patient();
        PatientAccount stranger = fx.patient();
        fx.link(doctor, patient);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(4));
        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/api/appointments")
                            .token(patient.token())
                            .json(Map.of(
                                    "doctorId",
                                    doctor.doctorId().toString(),
                                    "patientId",
                                    patient.patientId().toString(),
                                    "startsAt",
                                    start.plusSeconds(3600L * i).toString(),
                                    "endsAt",
                                    start.plusSeconds(3600L * i + 1800).toString()))
                            .send()
                            .status())
                    .isEqualTo(201);
        }
        assertThat(api.get("/api/notifications/unread-count")
                        .token(patient.token())
                        .send()
                        .json()
                        .path("unread")
                        .asInt())
                .isEqualTo(2);
        String first = api.get("/api/notifications?unreadOnly=true")
                .token(patient.token())
                .send()
                .json()
                .path("content")
                .get(0)
                .path("id")
                .asString();

        assertThat(api.post("/api/notifications/" + first + "/read")
                        .token(stranger.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/notifications/" + first + "/read")
                        .token(doctor.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/notifications/" + first + "/read").send().status())
                .isEqualTo(401);
        assertThat(api.get("/api/notifications")
                        .token(stranger.token())
                        .send()
                        .json()
                        .path("totalElements")
                        .asInt())
                .isZero();
        ApiResponse read = api.post("/api/notifications/" + first + "/read")
                .token(patient.token())
                .send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("read").asBoolean()).isTrue();
        assertThat(api.get("/api/notifications?unreadOnly=true")
                        .token(patient.token())
                        .send()
                        .json()
                        .path("totalElements")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.post("/api/notifications/read-all")
                        .token(patient.token())
                        .send()
                        .json()
                        .path("marked")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/notifications/unread-count")
                        .token(patient.token())
                        .send()
                        .json()
                        .path("unread")
                        .asInt())
                .isZero();
        assertThat(api.get("/api/notifications/unread-count")
                        .token(doctor.token())
                        .send()
                        .json()
                        .path("unread")
                        .asInt())
                .as("the doctor's inbox is untouched")
                .isEqualTo(2);
        assertThat(api.get("/api/notifications?size=101")
                        .token(patient.token())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/notifications?page=-1")
                        .token(patient.token())
                        .send()
                        .status())
                .isEqualTo(400);
    }
}
