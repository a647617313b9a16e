package com.clinicrecords.appointments;

import static com.clinicrecords.appointments.AppointmentFixtures.book;
import static com.clinicrecords.appointments.AppointmentFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.CareTeamTest;
import com.clinicrecords.support.ApiResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Totals of numbered pages: counted up to 1,000 ("at least 1,000" from there, the same on every page of that
 * search), and exact below that, where a booking shows in the very next page's total.
 */
class AppointmentTotalsIntegrationTests extends CareTeamTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldCapTotalAtOneThousandOnEveryPage() {
        insertPastAppointments(
                linked.doctorId(), patientA.patientId(), linked.account().id(), 1_001);

        for (int page = 0; page < 3; page++) {
            ApiResponse response = api.get("/api/appointments?doctorId=" + linked.doctorId() + "&page=" + page)
                    .token(linked.token())
                    .send();
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("content").size()).isEqualTo(20);
            assertThat(response.json().path("totalElements").asLong()).isEqualTo(1_000);
            assertThat(response.json().path("totalPages").asInt()).isEqualTo(50);
        }
        ApiResponse admin = api.get("/api/appointments?doctorId=" + linked.doctorId() + "&size=100&page=9")
                .token(fx.admin().accessToken())
                .send();
        assertThat(admin.json().path("totalElements").asLong())
                .as("rows up to this full page plus one: 'at least one more page'")
                .isEqualTo(1_001);
    }

    @Test
    void shouldCountSmallTotalsAgainOnEveryPage() {
        String admin = fx.admin().accessToken();
        assertThat(book(api, admin, unlinked.doctorId(), patientB.patientId(), slot(8, 9))
                        .status())
                .isEqualTo(201);
        assertThat(book(api, admin, unlinked.doctorId(), patientB.patientId(), slot(8, 10))
                        .status())
                .isEqualTo(201);
        assertThat(total(unlinked.token())).isEqualTo(2);

        assertThat(book(api, admin, unlinked.doctorId(), patientB.patientId(), slot(8, 11))
                        .status())
                .isEqualTo(201);
        assertThat(total(unlinked.token())).isEqualTo(3);
    }

    private long total(String token) {
        ApiResponse response = api.get("/api/appointments?doctorId=" + unlinked.doctorId() + "&size=1")
                .token(token)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("totalElements").asLong();
    }

    /** Past appointments an hour apart, written directly: booking 1,001 through the API would only be slower. */
    private void insertPastAppointments(UUID doctorId, UUID patientId, UUID createdBy, int count) {
        Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(400));
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = first.plus(Duration.ofHours(i));
            rows.add(new Object[] {
                UUID.randomUUID().toString(),
                doctorId.toString(),
                patientId.toString(),
                Timestamp.from(start),
                Timestamp.from(start.plus(Duration.ofMinutes(30))),
                "COMPLETED",
                now,
                createdBy.toString(),
                now
            });
        }
        jdbc.batchUpdate(
                "insert into appointments (id, doctor_id, patient_id, starts_at, ends_at, status, created_at, "
                        + "created_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }
}
