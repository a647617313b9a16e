package com.clinicrecords.appointments;

import static com.clinicrecords.appointments.AppointmentFixtures.book;
import static com.clinicrecords.appointments.AppointmentFixtures.booking;
import static com.clinicrecords.appointments.AppointmentFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Booking validation and rescheduling (If-Match, conflicts, validation). */
class AppointmentChangeIntegrationTests extends IntegrationTest {

    PatientAccount patientA;
    PatientAccount patientB;
    DoctorAccount linked;
    String admin;

    @BeforeEach
    void setUp() {
        ClinicFixtures fx = new ClinicFixtures(api, users);
        patientA = fx.patient();
        patientB = fx.patient();
        linked = fx.doctor();
        fx.link(linked, patientA);
        admin = fx.admin().accessToken();
    }

    @Test
    void shouldRescheduleWithIfMatchAndSameConflictRules() {
        Instant start = slot(5, 9);
        ApiResponse booked = book(api, patientA.token(), linked.doctorId(), patientA.patientId(), start);
        book(api, admin, linked.doctorId(), patientB.patientId(), start.plusSeconds(7200));
        String path = "/api/appointments/" + booked.text("id");
        var moveTo = java.util.Map.of(
                "startsAt",
                start.plusSeconds(7200).toString(),
                "endsAt",
                start.plusSeconds(9000).toString());
        assertThat(api.put(path).token(patientA.token()).json(moveTo).send().status())
                .isEqualTo(428);
        ApiResponse conflict = api.put(path)
                .token(patientA.token())
                .header("If-Match", booked.header("ETag"))
                .json(moveTo)
                .send();
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("conflictingWith")).isEqualTo("doctor");
        assertThat(api.put(path)
                        .token(patientB.token())
                        .header("If-Match", booked.header("ETag"))
                        .json(moveTo)
                        .send()
                        .status())
                .isEqualTo(404);

        var free = java.util.Map.of(
                "startsAt",
                start.plusSeconds(600).toString(),
                "endsAt",
                start.plusSeconds(2400).toString());
        ApiResponse moved = api.put(path)
                .token(patientA.token())
                .header("If-Match", booked.header("ETag"))
                .json(free)
                .send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.header("ETag")).isEqualTo("\"1\"");
        ApiResponse stale = api.put(path)
                .token(linked.token())
                .header("If-Match", booked.header("ETag"))
                .json(free)
                .send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");

        String etag = moved.header("ETag");
        assertRescheduleInvalid(path, etag, java.util.Map.of("endsAt", start.toString()), "startsAt");
        assertRescheduleInvalid(path, etag, java.util.Map.of("startsAt", start.toString()), "endsAt");
        assertRescheduleInvalid(
                path,
                etag,
                java.util.Map.of("startsAt", Instant.now().minusSeconds(60).toString(), "endsAt", start.toString()),
                "startsAt");
        assertRescheduleInvalid(
                path,
                etag,
                java.util.Map.of(
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.minusSeconds(60).toString()),
                "endsAt");
        assertRescheduleInvalid(
                path,
                etag,
                java.util.Map.of(
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.plusSeconds(600).toString(),
                        "reason",
                        "x".repeat(501)),
                "reason");
    }

    private void assertRescheduleInvalid(String path, String etag, java.util.Map<String, Object> body, String field) {
        ApiResponse response = api.put(path)
                .token(patientA.token())
                .header("If-Match", etag)
                .json(body)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").toString())
                .as(response.toString())
                .contains("\"" + field + "\"");
    }

    @Test
    void shouldRejectInvalidFieldsWhenBooking() {
        Instant start = slot(4, 12);
        var valid = booking(linked.doctorId(), patientA.patientId(), start, Duration.ofMinutes(30));
        assertInvalid(with(valid, "doctorId", null), "doctorId");
        assertInvalid(with(valid, "patientId", "abc"), "patientId");
        assertInvalid(with(valid, "startsAt", null), "startsAt");
        assertInvalid(with(valid, "startsAt", 12), "startsAt");
        assertInvalid(with(valid, "startsAt", Instant.now().minusSeconds(3600).toString()), "startsAt");
        assertInvalid(with(valid, "endsAt", start.minusSeconds(60).toString()), "endsAt");
        assertInvalid(with(valid, "endsAt", start.toString()), "endsAt");
        assertInvalid(with(valid, "endsAt", start.plus(Duration.ofHours(5)).toString()), "endsAt");
        assertInvalid(with(valid, "endsAt", "tomorrow"), "endsAt");
        assertInvalid(with(valid, "reason", "x".repeat(501)), "reason");
        ApiResponse malformed = api.post("/api/appointments")
                .token(patientA.token())
                .json("{\"doctorId\":")
                .send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    private static java.util.Map<String, Object> with(java.util.Map<String, Object> valid, String field, Object value) {
        var body = new java.util.HashMap<>(valid);
        body.put(field, value);
        return body;
    }

    private void assertInvalid(java.util.Map<String, Object> body, String field) {
        ApiResponse response =
                api.post("/api/appointments").token(patientA.token()).json(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").toString())
                .as(response.toString())
                .contains("\"" + field + "\"");
    }
}
