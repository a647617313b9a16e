package com.clinicrecords.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.Mailbox;
import com.clinicrecords.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8 item 4: once an email carrying a one-time secret has been sent, the outbox table no longer holds
 * the secret in clear text. Reads the table after a password reset, a temporary password and a verification.
 */
class OutboxSecretsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldBlankTheResetCodeOnceSent() {
        TestUsers.Account patient = users.patient();
        ApiResponse forgot = api.post("/api/auth/password/forgot")
                .json(Map.of("email", patient.email()))
                .send();
        assertThat(forgot.status()).isEqualTo(202);
        String code = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), "reset code: ([A-Za-z0-9_-]{43})");

        assertSecretGoneFromOutbox(patient.email(), code);
    }

    @Test
    void shouldBlankTheTemporaryPasswordOnceSentSoItCannotBeReadFromTheTable() {
        TestUsers.Account admin = users.admin();
        TestUsers.Account patient = users.patient();
        ApiResponse issued = api.post("/api/admin/users/" + patient.id() + "/temporary-password")
                .token(admin.accessToken())
                .send();
        assertThat(issued.status()).as(issued.toString()).isBetween(200, 204);
        String temporary =
                Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), "Temporary password: ([a-z0-9-]{23})");

        assertSecretGoneFromOutbox(patient.email(), temporary);
    }

    @Test
    void shouldBlankTheVerificationCodeOnceSent() {
        TestUsers.Account patient = users.patient();
        assertThat(api.post("/api/users/me/email-verification")
                        .token(patient.accessToken())
                        .send()
                        .status())
                .isEqualTo(202);
        String code = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), "verification code: ([0-9]{6})");

        assertSecretGoneFromOutbox(patient.email(), code);
    }

    private void assertSecretGoneFromOutbox(String recipient, String secret) {
        // The relay marks the row SENT (and blanks it) in the transaction that sent the mail: wait for its commit.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "select status, body, contains_secret from email_outbox where recipient = ?", recipient);
            assertThat(rows).isNotEmpty();
            for (Map<String, Object> row : rows) {
                assertThat(row.get("status")).isEqualTo("SENT");
                assertThat((String) row.get("body")).doesNotContain(secret).isEmpty();
            }
        });
        Integer anywhere = jdbc.queryForObject(
                "select count(*) from email_outbox where body like ?", Integer.class, "%" + secret + "%");
        assertThat(anywhere).isZero();
    }
}
