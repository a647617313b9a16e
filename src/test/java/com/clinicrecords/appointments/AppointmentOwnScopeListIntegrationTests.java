package com.clinicrecords.appointments;

import static com.clinicrecords.appointments.AppointmentFixtures.book;
import static com.clinicrecords.appointments.AppointmentFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.CareTeamTest;
import com.clinicrecords.support.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The appointment list filtered to the caller's own schedule (a doctor's {@code doctorId}) or own record (a
 * patient's {@code patientId}) is answered from that filter alone; the scope still holds for every other filter,
 * and the unfiltered doctor's list (own schedule plus linked patients) keeps its order under every sort.
 */
class AppointmentOwnScopeListIntegrationTests extends CareTeamTest {

    String first;
    String second;

    @BeforeEach
    void bookOneAppointmentPerDoctor() {
        String admin = fx.admin().accessToken();
        first = created(book(api, admin, linked.doctorId(), patientA.patientId(), slot(8, 9)));
        second = created(book(api, admin, unlinked.doctorId(), patientB.patientId(), slot(8, 8)));
    }

    @Test
    void shouldListOwnScheduleWhenDoctorFiltersByOwnId() {
        assertThat(listedIds("/api/appointments?doctorId=" + linked.doctorId(), linked.token()))
                .containsExactly(first);
        assertThat(listedIds("/api/appointments?doctorId=" + unlinked.doctorId(), unlinked.token()))
                .containsExactly(second);
        assertThat(listedIds(
                        "/api/appointments?doctorId=" + linked.doctorId() + "&patientId=" + patientB.patientId(),
                        linked.token()))
                .isEmpty();
        assertThat(listedIds("/api/appointments?doctorId=" + unlinked.doctorId(), linked.token()))
                .as("another doctor's schedule, patient not linked")
                .isEmpty();
        fx.link(linked, patientB);
        assertThat(listedIds("/api/appointments?doctorId=" + unlinked.doctorId(), linked.token()))
                .as("another doctor's schedule, patient linked")
                .containsExactly(second);
    }

    @Test
    void shouldPageOwnScheduleByNumberAndByCursor() {
        String later =
                created(book(api, fx.admin().accessToken(), linked.doctorId(), patientA.patientId(), slot(9, 9)));
        String own = "/api/appointments?size=1&doctorId=" + linked.doctorId();
        ApiResponse firstPage = api.get(own).token(linked.token()).send();
        assertThat(firstPage.status()).as(firstPage.toString()).isEqualTo(200);
        assertThat(firstPage.json().path("totalElements").asInt()).isEqualTo(2);
        assertThat(firstPage.json().path("content").get(0).path("id").asString())
                .isEqualTo(first);
        String cursor = firstPage.json().path("nextCursor").asString();
        assertThat(listedIds(
                        own + "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8),
                        linked.token()))
                .containsExactly(later);
        assertThat(listedIds(own + "&page=1", linked.token())).containsExactly(later);
        assertThat(listedIds(own + "&page=2", linked.token()))
                .as("past the end")
                .isEmpty();
    }

    @Test
    void shouldListOwnRecordWhenPatientFiltersByOwnId() {
        assertThat(listedIds("/api/appointments?patientId=" + patientA.patientId(), patientA.token()))
                .containsExactly(first);
        assertThat(listedIds("/api/appointments?patientId=" + patientA.patientId(), patientB.token()))
                .isEmpty();
        assertThat(listedIds("/api/appointments?patientId=" + patientB.patientId(), patientB.token()))
                .containsExactly(second);
    }

    @Test
    void shouldOrderUnionOfOwnScheduleAndLinkedPatients() {
        fx.link(linked, patientB);
        assertThat(listedIds("/api/appointments", linked.token())).containsExactly(second, first);
        assertThat(listedIds("/api/appointments?sort=startsAt,desc", linked.token()))
                .containsExactly(first, second);
        assertThat(listedIds("/api/appointments?sort=createdAt,desc", linked.token()))
                .containsExactlyInAnyOrder(first, second);
        assertThat(listedIds("/api/appointments?sort=status&size=1", linked.token()))
                .hasSize(1);
        ApiResponse page =
                api.get("/api/appointments?size=1").token(linked.token()).send();
        assertThat(page.json().path("totalElements").asInt()).isEqualTo(2);
    }

    private static String created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }
}
