package com.clinicrecords.appointments;

import static com.clinicrecords.appointments.AppointmentFixtures.book;
import static com.clinicrecords.appointments.AppointmentFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.CareTeamTest;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.support.ApiResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Authorization matrix of the appointment endpoints: patient A/B, linked/unlinked doctor, admin, anonymous. */
class AppointmentAccessIntegrationTests extends CareTeamTest {

    @Autowired
    JdbcTemplate jdbc;

    String admin;

    @BeforeEach
    void createAdmin() {
        admin = fx.admin().accessToken();
    }

    @Test
    void shouldApplyBookingMatrixWhenBooking() {
        Instant start = slot(4, 8);
        assertThat(book(api, null, linked.doctorId(), patientA.patientId(), start)
                        .status())
                .isEqualTo(401);
        ApiResponse unlinkedDoctor = book(api, patientA.token(), unlinked.doctorId(), patientA.patientId(), start);
        assertThat(unlinkedDoctor.status()).isEqualTo(422);
        assertThat(unlinkedDoctor.text("type")).isEqualTo("/problems/doctor-not-linked");
        assertThat(book(api, patientB.token(), linked.doctorId(), patientA.patientId(), start)
                        .status())
                .isEqualTo(404);
        assertThat(book(api, unlinked.token(), unlinked.doctorId(), patientA.patientId(), start)
                        .status())
                .isEqualTo(404);
        DoctorAccount colleague = fx.doctor();
        fx.link(colleague, patientA);
        assertThat(book(api, colleague.token(), linked.doctorId(), patientA.patientId(), start)
                        .status())
                .as("doctors book only in their own schedule")
                .isEqualTo(403);
        assertThat(book(api, users.withRoles().accessToken(), linked.doctorId(), patientA.patientId(), start)
                        .status())
                .as("no appointments:book permission")
                .isEqualTo(403);

        ApiResponse byPatient = book(api, patientA.token(), linked.doctorId(), patientA.patientId(), start);
        assertThat(byPatient.status()).as(byPatient.toString()).isEqualTo(201);
        assertThat(byPatient.header("Location")).isEqualTo("/api/appointments/" + byPatient.text("id"));
        assertThat(byPatient.text("status")).isEqualTo("BOOKED");
        assertThat(book(api, linked.token(), linked.doctorId(), patientA.patientId(), start.plusSeconds(3600))
                        .status())
                .isEqualTo(201);
        assertThat(book(api, admin, unlinked.doctorId(), patientB.patientId(), start)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void shouldApplyReadMatrixWhenGettingAppointment() {
        String path = "/api/appointments/"
                + book(api, patientA.token(), linked.doctorId(), patientA.patientId(), slot(4, 9))
                        .text("id");
        assertThat(api.get(path).token(patientA.token()).send().status()).isEqualTo(200);
        assertThat(api.get(path).token(linked.token()).send().header("ETag")).isEqualTo("\"0\"");
        assertThat(api.get(path).token(admin).send().status()).isEqualTo(200);
        assertThat(api.get(path).token(patientB.token()).send().status()).isEqualTo(404);
        assertThat(api.get(path).token(unlinked.token()).send().status()).isEqualTo(404);
        assertThat(api.get(path).send().status()).isEqualTo(401);
        fx.unlink(linked, patientA);
        assertThat(api.get(path).token(linked.token()).send().status())
                .as("the appointment's own doctor still sees it after unlinking")
                .isEqualTo(200);
    }

    @Test
    void shouldApplyLifecycleRulesWhenChangingStatus() {
        String id = book(api, patientA.token(), linked.doctorId(), patientA.patientId(), slot(4, 10))
                .text("id");
        String base = "/api/appointments/" + id;
        assertThat(api.post(base + "/confirm").token(patientA.token()).send().status())
                .isEqualTo(403);
        assertThat(api.post(base + "/confirm").token(patientB.token()).send().status())
                .isEqualTo(404);
        assertThat(api.post(base + "/confirm").token(unlinked.token()).send().status())
                .isEqualTo(404);
        assertThat(api.post(base + "/confirm").send().status()).isEqualTo(401);
        assertThat(api.post(base + "/complete").token(linked.token()).send().status())
                .as("BOOKED cannot be completed")
                .isEqualTo(409);
        ApiResponse confirmed =
                api.post(base + "/confirm").token(linked.token()).send();
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        ApiResponse early = api.post(base + "/complete").token(linked.token()).send();
        assertThat(early.status()).isEqualTo(422);
        assertThat(api.post(base + "/no-show").token(admin).send().status()).isEqualTo(422);
        assertThat(api.post(base + "/cancel").token(patientB.token()).send().status())
                .isEqualTo(404);
        ApiResponse cancelled =
                api.post(base + "/cancel").token(patientA.token()).send();
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        ApiResponse again = api.post(base + "/cancel").token(admin).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("/problems/illegal-status-transition");
    }

    @Test
    void shouldCompleteOrMarkNoShowOnlyOnceStartedAndOnlyAsDoctorOrAdmin() {
        String first = book(api, patientA.token(), linked.doctorId(), patientA.patientId(), slot(4, 14))
                .text("id");
        String second = book(api, patientA.token(), linked.doctorId(), patientA.patientId(), slot(4, 15))
                .text("id");
        for (String id : new String[] {first, second}) {
            assertThat(api.post("/api/appointments/" + id + "/confirm")
                            .token(admin)
                            .send()
                            .status())
                    .isEqualTo(200);
            // Appointments cannot be booked in the past, so move these two to "started" directly in the database.
            jdbc.update(
                    "update appointments set starts_at = ?, ends_at = ? where id = ?",
                    java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(10),
                    java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(20),
                    id);
        }
        assertThat(api.post("/api/appointments/" + first + "/complete")
                        .token(patientA.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/appointments/" + first + "/no-show")
                        .token(patientA.token())
                        .send()
                        .status())
                .isEqualTo(403);
        ApiResponse completed = api.post("/api/appointments/" + first + "/complete")
                .token(linked.token())
                .send();
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");
        assertThat(api.post("/api/appointments/" + second + "/no-show")
                        .token(admin)
                        .send()
                        .text("status"))
                .isEqualTo("NO_SHOW");
        assertThat(api.post("/api/appointments/" + first + "/cancel")
                        .token(patientA.token())
                        .send()
                        .status())
                .as("terminal")
                .isEqualTo(409);
    }

    @Test
    void shouldScopeListToCallerAndCapPageSize() {
        book(api, patientA.token(), linked.doctorId(), patientA.patientId(), slot(6, 9));
        book(api, admin, unlinked.doctorId(), patientB.patientId(), slot(6, 9));
        ApiResponse own = api.get("/api/appointments").token(patientA.token()).send();
        assertThat(own.json().path("totalElements").asInt()).isEqualTo(1);
        assertThat(api.get("/api/appointments?patientId=" + patientB.patientId())
                        .token(patientA.token())
                        .send()
                        .json()
                        .path("totalElements")
                        .asInt())
                .as("foreign patient -> empty page")
                .isZero();
        assertThat(api.get("/api/appointments")
                        .token(linked.token())
                        .send()
                        .json()
                        .path("totalElements")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/appointments?patientId=" + patientB.patientId())
                        .token(unlinked.token())
                        .send()
                        .json()
                        .path("totalElements")
                        .asInt())
                .as("own schedule")
                .isEqualTo(1);
        assertThat(api.get("/api/appointments?patientId=" + patientB.patientId())
                        .token(admin)
                        .send()
                        .json()
                        .path("totalElements")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/appointments").send().status()).isEqualTo(401);
        assertThat(api.get("/api/appointments?size=101").token(admin).send().status())
                .isEqualTo(400);
        assertThat(api.get("/api/appointments?size=100&sort=startsAt,desc")
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/appointments?sort=reason").token(admin).send().status())
                .isEqualTo(400);
        assertThat(api.get("/api/appointments?status=LOST").token(admin).send().status())
                .isEqualTo(400);
        assertThat(api.get("/api/appointments?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z")
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(400);
        ApiResponse calendar = api.get("/api/doctors/me/appointments?from=" + slot(6, 0) + "&to=" + slot(7, 0))
                .token(linked.token())
                .send();
        assertThat(calendar.json().size()).isEqualTo(1);
        assertThat(api.get("/api/doctors/me/appointments?from=" + slot(1, 0) + "&to=" + slot(40, 0))
                        .token(linked.token())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/doctors/me/appointments?from=" + slot(6, 0) + "&to=" + slot(7, 0))
                        .token(patientA.token())
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void shouldCapOpenFutureAppointmentsPerPatient() {
        for (int i = 0; i < 10; i++) {
            assertThat(book(api, patientA.token(), linked.doctorId(), patientA.patientId(), slot(8 + i, 9))
                            .status())
                    .isEqualTo(201);
        }
        ApiResponse eleventh = book(api, patientA.token(), linked.doctorId(), patientA.patientId(), slot(20, 9));
        assertThat(eleventh.status()).isEqualTo(422);
        assertThat(eleventh.text("type")).isEqualTo("/problems/too-many-open-appointments");
    }
}
