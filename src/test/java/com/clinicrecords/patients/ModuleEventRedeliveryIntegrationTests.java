package com.clinicrecords.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.patients.domain.PatientDeletedEvent;
import com.clinicrecords.support.ModuleEventPublications;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Events between modules survive a crash: a publication stored in EVENT_PUBLICATION but never completed (the
 * state a crash between the announcing commit and the listener leaves behind) is delivered again, as on every
 * start-up (republish-outstanding-events-on-restart), and then removed.
 */
class ModuleEventRedeliveryIntegrationTests extends CareTeamTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IncompleteEventPublications incomplete;

    @Test
    void aPublicationLeftOpenByACrashIsDeliveredAgain() {
        fx.link(linked, patientB);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(9));
        String appointment = api.post("/api/appointments")
                .token(patientB.token())
                .json(Map.of(
                        "doctorId", linked.doctorId().toString(),
                        "patientId", patientB.patientId().toString(),
                        "startsAt", start.toString(),
                        "endsAt", start.plusSeconds(1800).toString()))
                .send()
                .text("id");
        assertThat(appointment).isNotNull();
        String publication = ModuleEventPublications.store(
                jdbc,
                "com.clinicrecords.appointments.domain.AppointmentCancellations",
                PatientDeletedEvent.class,
                "{\"patientId\":\"" + patientB.patientId() + "\",\"deletedBy\":\""
                        + fx.admin().id() + "\"}",
                "PUBLISHED",
                Duration.ofMinutes(5));

        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select status from appointments where id = ?", String.class, appointment))
                    .isEqualTo("CANCELLED");
            assertThat(ModuleEventPublications.stored(jdbc, publication))
                    .as("completed publications are removed")
                    .isFalse();
        });
    }
}
