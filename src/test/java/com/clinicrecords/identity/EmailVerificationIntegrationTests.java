package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.Mailbox;
import com.clinicrecords.support.TestUsers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class EmailVerificationIntegrationTests extends IntegrationTest {

    private static final String CODE = "verification code: ([0-9]{6})";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldVerifyEmailWithTheMailedCodeOnce() {
        TestUsers.Account patient = users.patient();
        assertThat(send(patient).status()).isEqualTo(202);
        String code = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), CODE);
        String stored = jdbc.queryForObject(
                "select code_hash from email_verification_codes where user_id = ?",
                String.class,
                patient.id().toString());
        assertThat(stored).doesNotContain(code).hasSize(64);

        assertThat(confirm(patient, code).status()).isEqualTo(204);
        ApiResponse me = api.get("/api/users/me").token(patient.accessToken()).send();
        assertThat(me.json().path("emailVerified").asBoolean()).isTrue();

        ApiResponse again = confirm(patient, code);
        assertThat(again.status()).as("single use").isEqualTo(400);
        assertThat(send(patient).status()).as("already verified").isEqualTo(409);
    }

    @Test
    void shouldThrottleResends() {
        TestUsers.Account patient = users.patient();
        assertThat(send(patient).status()).isEqualTo(202);
        ApiResponse again = send(patient);
        assertThat(again.status()).isEqualTo(429);
        assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(1L, 61L);
    }

    @Test
    void shouldBurnTheCodeAfterFiveWrongGuesses() {
        TestUsers.Account patient = users.patient();
        send(patient);
        String code = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), CODE);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            ApiResponse response = confirm(patient, wrong);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("type")).isEqualTo("/problems/invalid-verification-code");
        }
        assertThat(confirm(patient, code).status())
                .as("burned after 5 wrong guesses")
                .isEqualTo(400);
    }

    @Test
    void shouldRejectExpiredCodes() {
        TestUsers.Account patient = users.patient();
        send(patient);
        String code = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), CODE);
        jdbc.update(
                "update email_verification_codes set expires_at = ? where user_id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)),
                patient.id().toString());
        assertThat(confirm(patient, code).status()).isEqualTo(400);
    }

    @Test
    void shouldNotAcceptAVerificationCodeAsAResetToken() {
        TestUsers.Account patient = users.patient();
        send(patient);
        String code = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), CODE);
        ApiResponse response = api.post("/api/auth/password/reset")
                .json(Map.of("token", code, "newPassword", "some long new passphrase"))
                .send();
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void shouldValidateTheCodeFormat() {
        TestUsers.Account patient = users.patient();
        for (Object bad : new Object[] {"12345", "abcdef", "1234567"}) {
            ApiResponse response = api.post("/api/users/me/email-verification/confirm")
                    .token(patient.accessToken())
                    .json(Map.of("code", bad))
                    .send();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("code");
        }
    }

    private ApiResponse send(TestUsers.Account account) {
        return api.post("/api/users/me/email-verification")
                .token(account.accessToken())
                .send();
    }

    private ApiResponse confirm(TestUsers.Account account, String code) {
        return api.post("/api/users/me/email-verification/confirm")
                .token(account.accessToken())
                .json(Map.of("code", code))
                .send();
    }
}
