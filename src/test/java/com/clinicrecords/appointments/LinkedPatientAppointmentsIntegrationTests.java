package com.clinicrecords.appointments;

import static com.clinicrecords.appointments.AppointmentFixtures.book;
import static com.clinicrecords.appointments.AppointmentFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.CareTeamTest;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.AtOnce;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A doctor's appointment list in start order reads the linked patients' appointments from rows kept per link
 * (linked_patient_appointments): whatever order bookings, reschedules and link changes come in, also at the same
 * moment, the list shows exactly the appointments the link rule allows, as the other sort orders (read from the
 * links directly) do. (A deactivated doctor's lists: DeactivatedDoctorListsIntegrationTests.)
 */
class LinkedPatientAppointmentsIntegrationTests extends CareTeamTest {

    @Test
    void shouldFollowBookingsReschedulesAndLinkChanges() {
        String admin = fx.admin().accessToken();
        // patient B books with the other doctor before "linked" is linked to B
        String early = created(book(api, admin, unlinked.doctorId(), patientB.patientId(), slot(6, 10)));
        String late = created(book(api, admin, unlinked.doctorId(), patientB.patientId(), slot(7, 10)));
        assertThat(startOrder(linked.token())).isEmpty();

        fx.link(linked, patientB);
        assertThat(startOrder(linked.token())).as("rows of the new link").containsExactly(early, late);

        String booked = created(book(api, admin, unlinked.doctorId(), patientB.patientId(), slot(5, 10)));
        assertThat(startOrder(linked.token())).as("a booking after the link").containsExactly(booked, early, late);

        ApiResponse current = api.get("/api/appointments/" + late).token(admin).send();
        ApiResponse moved = api.put("/api/appointments/" + late)
                .token(admin)
                .header("If-Match", current.header("ETag"))
                .json(Map.of(
                        "startsAt",
                        slot(4, 10).toString(),
                        "endsAt",
                        slot(4, 10).plusSeconds(1800).toString()))
                .send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(startOrder(linked.token())).as("a reschedule").containsExactly(late, booked, early);
        assertThat(listedIds("/api/appointments?sort=startsAt,desc", linked.token()))
                .containsExactly(early, booked, late);
        assertThat(listedIds("/api/appointments?sort=endsAt", linked.token()))
                .as("another order, read from the links")
                .containsExactly(late, booked, early);
        assertThat(listedIds("/api/appointments?status=BOOKED&doctorId=" + unlinked.doctorId(), linked.token()))
                .as("filters that need the appointment row")
                .containsExactly(late, booked, early);
        assertThat(listedIds("/api/appointments?from=" + slot(5, 0) + "&to=" + slot(6, 23), linked.token()))
                .containsExactly(booked, early);

        fx.unlink(linked, patientB);
        assertThat(startOrder(linked.token())).as("after the unlink").isEmpty();
        String whileUnlinked = created(book(api, admin, unlinked.doctorId(), patientB.patientId(), slot(9, 10)));
        assertThat(startOrder(linked.token())).isEmpty();

        fx.link(linked, patientB);
        assertThat(startOrder(linked.token()))
                .as("re-linked: every appointment again, also the one booked while unlinked")
                .containsExactly(late, booked, early, whileUnlinked);
        fx.link(linked, patientB);
        assertThat(startOrder(linked.token()))
                .as("linking again changes nothing")
                .hasSize(4);
    }

    @Test
    void shouldWalkTheLinkedPatientsAppointmentsByCursorAndByPage() {
        String admin = fx.admin().accessToken();
        List<String> expected = new ArrayList<>();
        for (int day = 3; day <= 7; day++) {
            expected.add(created(book(api, admin, unlinked.doctorId(), patientB.patientId(), slot(day, 11))));
        }
        fx.link(linked, patientB);
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/appointments?size=2"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            ApiResponse page = api.get(path).token(linked.token()).send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().path("content").forEach(a -> walked.add(a.path("id").asString()));
            cursor = page.json().path("nextCursor").isNull()
                    ? null
                    : page.json().path("nextCursor").asString(null);
        } while (cursor != null && walked.size() <= expected.size());
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(listedIds("/api/appointments?size=2&page=2", linked.token())).containsExactly(expected.get(4));
    }

    /** A booking and a link of the same patient at the same moment, several times: no appointment goes missing. */
    @Test
    void shouldKeepBookingsMadeWhileTheLinkIsMade() {
        String admin = fx.admin().accessToken();
        for (int round = 0; round < 4; round++) {
            PatientAccount patient = fx.patient();
            Instant start = slot(10 + round, 9);
            List<ApiResponse> both = AtOnce.send(
                    () -> book(api, admin, unlinked.doctorId(), patient.patientId(), start),
                    () -> api.post("/api/admin/links")
                            .token(admin)
                            .json(Map.of(
                                    "doctorId", linked.doctorId().toString(),
                                    "patientId", patient.patientId().toString()))
                            .send());
            String id = created(both.get(0));
            assertThat(both.get(1).status()).as(both.get(1).toString()).isEqualTo(201);
            assertThat(listedIds("/api/appointments?patientId=" + patient.patientId(), linked.token()))
                    .as("round %d", round)
                    .containsExactly(id);
            assertThat(startOrder(linked.token())).as("round %d", round).contains(id);
        }
    }

    private List<String> startOrder(String token) {
        return listedIds("/api/appointments?size=100", token);
    }

    private static String created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }
}
