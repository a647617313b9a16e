package com.clinicrecords.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.notifications.domain.EmailOutbox;
import com.clinicrecords.notifications.domain.EmailRelay;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.Mailbox;
import com.clinicrecords.support.TestMail;
import com.clinicrecords.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class EmailOutboxIntegrationTests extends IntegrationTest {

    @Autowired
    EmailOutbox outbox;

    @Autowired
    EmailRelay relay;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldDeliverEmailQueuedByAUserAction() throws Exception {
        TestUsers.Account patient = users.patient();
        ApiResponse response = api.post("/api/auth/password/forgot")
                .json(Map.of("email", patient.email()))
                .send();
        assertThat(response.status()).isEqualTo(202);

        String body = Mailbox.awaitBody(patient.email(), 1);
        assertThat(body).contains("reset code");
        assertThat(body).doesNotContain(TestUsers.PASSWORD);
        assertThat(Mailbox.to(patient.email()).get(0).getFrom()[0].toString()).isEqualTo("no-reply@clinic.example");
        awaitStatus(patient.email(), "SENT");
    }

    @Test
    void shouldNotSendWhenTheCallersTransactionRollsBack() {
        String recipient = "rollback-" + UUID.randomUUID() + "@example.test";
        tx.executeWithoutResult(status -> {
            outbox.enqueue(recipient, "Hello", "Only if committed");
            status.setRollbackOnly();
        });
        relay.relayDue();
        Mailbox.assertStays(recipient, 0, Duration.ofMillis(500));
        assertThat(jdbc.queryForObject(
                        "select count(*) from email_outbox where recipient = ?", Integer.class, recipient))
                .isZero();
    }

    @Test
    void shouldKeepUserActionsWorkingWhileSmtpIsDownAndSendExactlyOnceAfterwards() {
        TestUsers.Account patient = users.patient();
        TestMail.get().stop();
        try {
            ApiResponse response = api.post("/api/auth/password/forgot")
                    .json(Map.of("email", patient.email()))
                    .send();
            assertThat(response.status())
                    .as("the action succeeds although mail is down")
                    .isEqualTo(202);
            awaitAttempt(patient.email());
            Map<String, Object> row = row(patient.email());
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(((Number) row.get("attempts")).intValue()).isGreaterThanOrEqualTo(1);
            assertThat((String) row.get("last_error")).isNotBlank().doesNotContain(patient.email());
        } finally {
            TestMail.get().start();
        }
        // Backoff in the test profile is 1 s; the scheduled relay picks the email up again by itself.
        Mailbox.await(patient.email(), 1, Duration.ofSeconds(20));
        relay.relayDue();
        Mailbox.assertStays(patient.email(), 1, Duration.ofMillis(1500));
        awaitStatus(patient.email(), "SENT");
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        String recipient = "doomed-" + UUID.randomUUID() + "@example.test";
        TestMail.get().stop();
        try {
            tx.executeWithoutResult(status -> outbox.enqueue(recipient, "Hello", "Never delivered"));
            // Pretend seven attempts already failed; the eighth (max-attempts) is the last.
            jdbc.update("update email_outbox set attempts = 7 where recipient = ?", recipient);
            awaitStatus(recipient, "FAILED");
        } finally {
            TestMail.get().start();
        }
        relay.relayDue();
        assertThat(Mailbox.to(recipient)).isEmpty();
    }

    @Test
    void shouldSendEachQueuedEmailOnceWhenRelaysRunConcurrently() throws Exception {
        String recipient = "parallel-" + UUID.randomUUID() + "@example.test";
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                outbox.enqueue(recipient, "Message " + i, "Body " + i);
            }
        });
        Thread[] relays = new Thread[3];
        for (int i = 0; i < relays.length; i++) {
            relays[i] = new Thread(relay::relayDue);
            relays[i].start();
        }
        for (Thread t : relays) {
            t.join();
        }
        Mailbox.await(recipient, 5, Duration.ofSeconds(15));
        Mailbox.assertStays(recipient, 5, Duration.ofSeconds(1));
    }

    /** The reset email is queued in the background; wait until the relay has tried (and failed) once. */
    private void awaitAttempt(String recipient) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    relay.relayDue();
                    Integer attempts = jdbc.queryForObject(
                            "select coalesce(max(attempts), 0) from email_outbox " + "where recipient = ?",
                            Integer.class,
                            recipient);
                    return attempts != null && attempts > 0;
                });
    }

    /** The row is marked in the relay's transaction, which commits just after the SMTP server has the mail. */
    private void awaitStatus(String recipient, String expected) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    relay.relayDue();
                    return expected.equals(status(recipient));
                });
    }

    private String status(String recipient) {
        return (String) row(recipient).get("status");
    }

    private Map<String, Object> row(String recipient) {
        return jdbc.queryForMap(
                "select status, attempts, last_error from email_outbox where recipient = ? "
                        + "order by created_at desc limit 1",
                recipient);
    }
}
