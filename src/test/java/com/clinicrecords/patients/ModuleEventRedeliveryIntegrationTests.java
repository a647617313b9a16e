package com.clinicrecords.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
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
        String publication = UUID.randomUUID().toString();
        jdbc.update(
                "insert into EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE, "
                        + "STATUS, COMPLETION_ATTEMPTS) values (?, ?, ?, ?, ?, 'PUBLISHED', 1)",
                publication,
                "com.clinicrecords.appointments.domain.AppointmentCancellations.on("
                        + "com.clinicrecords.patients.domain.PatientDeletedEvent)",
                "com.clinicrecords.patients.domain.PatientDeletedEvent",
                "{\"patientId\":\"" + patientB.patientId() + "\",\"deletedBy\":\""
                        + fx.admin().id() + "\"}",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))));

        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select status from appointments where id = ?", String.class, appointment))
                    .isEqualTo("CANCELLED");
            assertThat(jdbc.queryForObject(
                            "select count(*) from EVENT_PUBLICATION where ID = ?", Integer.class, publication))
                    .as("completed publications are removed")
                    .isZero();
        });
    }
}
