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

/** Authorization matrix of the appointment endpoints: patient A/B, linked/unlinked doctor, admin, anonymous. */
class AppointmentAccessIntegrationTests extends IntegrationTest {

    ClinicFixtures fx;
    PatientAccount patientA;
    PatientAccount patientB;
    DoctorAccount linked;
    DoctorAccount unlinked;
    String admin;

    @BeforeEach
    void setUp() {
        fx = new ClinicFixtures(api, users);
        patientA = fx.patient();
        patientB = fx.patient();
        linked = fx.doctor();
        unlinked = fx.doctor();
        fx.link(linked, patientA);
        admin = fx.admin().accessToken();
    }

    @Test
    void shouldApplyBookingMatrixWhenBooking() {
        Instant start = slot(4, 8);
        assertThat(book(api, null, linked.doctorId(), patientA.patientId(), start).status()).isEqualTo(401);
        ApiResponse unlinkedDoctor = book(api, patientA.token(), unlinked.doctorId(), patientA.patientId(), start);
        assertThat(unlinkedDoctor.status()).isEqualTo(422);
        assertThat(unlinkedDoctor.text("type")).isEqualTo("/problems/doctor-not-linked");
        assertThat(book(api, patientB.token(), linked.doctorId(), patientA.patientId(), start).status()).isEqualTo(404);
        assertThat(book(api, unlinked.token(), unlinked.doctorId(), patientA.patientId(), start).status()).isEqualTo(404);
        DoctorAccount colleague = fx.doctor();
        fx.link(colleague, patientA);
        assertThat(book(api, colleague.token(), linked.doctorId(), patientA.patientId(), start).status())
                .as("doctors book only in their own schedule").isEqualTo(403);
        assertThat(book(api, users.withRoles().accessToken(), linked.doctorId(), patientA.patientId(), start).status())
                .as("no appointments:book permission").isEqualTo(403);

        ApiResponse byPatient = book(api, patientA.token(), linked.doctorId(), patientA.patientId(), start);
        assertThat(byPatient.status()).as(byPatient.toString()).isEqualTo(201);
        assertThat(byPatient.header("Location")).isEqualTo("/api/appointments/" + byPatient.text("id"));
        assertThat(byPatient.text("status")).isEqualTo("BOOKED");
        assertThat(book(api, linked.token(), linked.doctorId(), patientA.patientId(), start.plusSeconds(3600)).status())
                .isEqualTo(201);
        assertThat(book(api, admin, unlinked.doctorId(), patientB.patientId(), start).status()).isEqualTo(201);
    }

    @Test
    void shouldApplyReadMatrixWhenGettingAppointment() {
        String path = "/api/appointments/" + book(api, patientA.token(), linked.doctorId(), patientA.patientId(),
                slot(4, 9)).text("id");
        assertThat(api.get(path).token(patientA.token()).send().status()).isEqualTo(200);
        assertThat(api.get(path).token(linked.token()).send().header("ETag")).isEqualTo("\"0\"");
        assertThat(api.get(path).token(admin).send().status()).isEqualTo(200);
        assertThat(api.get(path).token(patientB.token()).send().status()).isEqualTo(404);
        assertThat(api.get(path).token(unlinked.token()).send().status()).isEqualTo(404);
        assertThat(api.get(path).send().status()).isEqualTo(401);
        fx.unlink(linked, patientA);
        assertThat(api.get(path).token(linked.token()).send().status())
                .as("the appointment's own doctor still sees it after unlinking").isEqualTo(200);
    }

    @Test
    void shouldApplyLifecycleRulesWhenChangingStatus() {
        String id = book(api, patientA.token(), linked.doctorId(), patientA.patientId(), slot(4, 10)).text("id");
        String base = "/api/appointments/" + id;
        assertThat(api.post(base + "/confirm").token(patientA.token()).send().status()).isEqualTo(403);
        assertThat(api.post(base + "/confirm").token(patientB.token()).send().status()).isEqualTo(404);
        assertThat(api.post(base + "/confirm").token(unlinked.token()).send().status()).isEqualTo(404);
        assertThat(api.post(base + "/confirm").send().status()).isEqualTo(401);
        assertThat(api.post(base + "/complete").token(linked.token()).send().status())
                .as("BOOKED cannot be completed").isEqualTo(409);
        ApiResponse confirmed = api.post(base + "/confirm").token(linked.token()).send();
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        ApiResponse early = api.post(base + "/complete").token(linked.token()).send();
        assertThat(early.status()).isEqualTo(422);
        assertThat(api.post(base + "/no-show").token(admin).send().status()).isEqualTo(422);
        assertThat(api.post(base + "/cancel").token(patientB.token()).send().status()).isEqualTo(404);
        ApiResponse cancelled = api.post(base + "/cancel").token(patientA.token()).send();
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        ApiResponse again = api.post(base + "/cancel").token(admin).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("/problems/illegal-status-transition");
    }

    @Test
    void shouldRescheduleWithIfMatchAndSameConflictRules() {
        Instant start = slot(5, 9);
        ApiResponse booked = book(api, patientA.token(), linked.doctorId(), patientA.patientId(), start);
        book(api, admin, linked.doctorId(), patientB.patientId(), start.plusSeconds(7200));
        String path = "/api/appointments/" + booked.text("id");
        var moveTo = java.util.Map.of("startsAt", start.plusSeconds(7200).toString(),
                "endsAt", start.plusSeconds(9000).toString());
        assertThat(api.put(path).token(patientA.token()).json(moveTo).send().status()).isEqualTo(428);
        ApiResponse conflict = api.put(path).token(patientA.token()).header("If-Match", booked.header("ETag"))
                .json(moveTo).send();
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("conflictingWith")).isEqualTo("doctor");
        assertThat(api.put(path).token(patientB.token()).header("If-Match", booked.header("ETag")).json(moveTo).send()
                .status()).isEqualTo(404);

        var free = java.util.Map.of("startsAt", start.plusSeconds(600).toString(),
                "endsAt", start.plusSeconds(2400).toString());
        ApiResponse moved = api.put(path).token(patientA.token()).header("If-Match", booked.header("ETag")).json(free)
                .send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.header("ETag")).isEqualTo("\"1\"");
        ApiResponse stale = api.put(path).token(linked.token()).header("If-Match", booked.header("ETag")).json(free)
                .send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldScopeListToCallerAndCapPageSize() {
        book(api, patientA.token(), linked.doctorId(), patientA.patientId(), slot(6, 9));
        book(api, admin, unlinked.doctorId(), patientB.patientId(), slot(6, 9));
        ApiResponse own = api.get("/api/appointments").token(patientA.token()).send();
        assertThat(own.json().path("totalElements").asInt()).isEqualTo(1);
        assertThat(api.get("/api/appointments?patientId=" + patientB.patientId()).token(patientA.token()).send()
                .json().path("totalElements").asInt()).as("foreign patient -> empty page").isZero();
        assertThat(api.get("/api/appointments").token(linked.token()).send().json().path("totalElements").asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/appointments?patientId=" + patientB.patientId()).token(unlinked.token()).send()
                .json().path("totalElements").asInt()).as("own schedule").isEqualTo(1);
        assertThat(api.get("/api/appointments?patientId=" + patientB.patientId()).token(admin).send()
                .json().path("totalElements").asInt()).isEqualTo(1);
        assertThat(api.get("/api/appointments").send().status()).isEqualTo(401);
        assertThat(api.get("/api/appointments?size=101").token(admin).send().status()).isEqualTo(400);
        assertThat(api.get("/api/appointments?size=100&sort=startsAt,desc").token(admin).send().status()).isEqualTo(200);
        assertThat(api.get("/api/appointments?sort=reason").token(admin).send().status()).isEqualTo(400);
        assertThat(api.get("/api/appointments?status=LOST").token(admin).send().status()).isEqualTo(400);
        assertThat(api.get("/api/appointments?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z").token(admin).send()
                .status()).isEqualTo(400);
        ApiResponse calendar = api.get("/api/doctors/me/appointments?from=" + slot(6, 0) + "&to=" + slot(7, 0))
                .token(linked.token()).send();
        assertThat(calendar.json().size()).isEqualTo(1);
        assertThat(api.get("/api/doctors/me/appointments?from=" + slot(1, 0) + "&to=" + slot(40, 0))
                .token(linked.token()).send().status()).isEqualTo(400);
        assertThat(api.get("/api/doctors/me/appointments?from=" + slot(6, 0) + "&to=" + slot(7, 0))
                .token(patientA.token()).send().status()).isEqualTo(404);
    }

    @Test
    void shouldCapOpenFutureAppointmentsPerPatient() {
        for (int i = 0; i < 10; i++) {
            assertThat(book(api, patientA.token(), linked.doctorId(), patientA.patientId(), slot(8 + i, 9)).status())
                    .isEqualTo(201);
        }
        ApiResponse eleventh = book(api, patientA.token(), linked.doctorId(), patientA.patientId(), slot(20, 9));
        assertThat(eleventh.status()).isEqualTo(422);
        assertThat(eleventh.text("type")).isEqualTo("/problems/too-many-open-appointments");
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
        ApiResponse malformed = api.post("/api/appointments").token(patientA.token()).json("{\"doctorId\":").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    private static java.util.Map<String, Object> with(java.util.Map<String, Object> valid, String field, Object value) {
        var body = new java.util.HashMap<>(valid);
        body.put(field, value);
        return body;
    }

    private void assertInvalid(java.util.Map<String, Object> body, String field) {
        ApiResponse response = api.post("/api/appointments").token(patientA.token()).json(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").toString()).as(response.toString()).contains("\"" + field + "\"");
    }
}
