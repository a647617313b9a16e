package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.Mailbox;
import com.clinicrecords.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class PasswordResetIntegrationTests extends IntegrationTest {

    private static final String NEW_PASSWORD = "reset to something long enough";
    private static final String CODE = "reset code: ([A-Za-z0-9_-]{43})";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldAnswerTheSameForKnownAndUnknownAddresses() {
        TestUsers.Account patient = users.patient();
        ApiResponse known = forgot(patient.email());
        ApiResponse unknown = forgot("nobody-" + UUID.randomUUID() + "@example.test");
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.raw()).isEqualTo(known.raw());
        assertThat(unknown.contentType()).isEqualTo(known.contentType());
    }

    @Test
    void shouldResetPasswordOnceAndEndAllSessions() {
        TestUsers.Account patient = users.patient();
        forgot(patient.email());
        String token = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), CODE);
        assertThat(jdbc.queryForObject(
                        "select count(*) from password_reset_tokens where token_hash = ?", Integer.class, token))
                .as("only the hash is stored")
                .isZero();

        assertThat(reset(token, NEW_PASSWORD).status()).isEqualTo(204);
        assertThat(api.get("/api/users/me").token(patient.accessToken()).send().status())
                .isEqualTo(401);
        assertThat(login(patient.email(), NEW_PASSWORD)).isEqualTo(200);

        ApiResponse reused = reset(token, "yet another long passphrase");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.text("type")).isEqualTo("/problems/invalid-reset-token");
        assertThat(reset("x".repeat(43), NEW_PASSWORD).json().path("detail"))
                .isEqualTo(reused.json().path("detail"));
    }

    @Test
    void shouldInvalidateOlderTokensWhenANewOneIsRequested() {
        TestUsers.Account patient = users.patient();
        forgot(patient.email());
        String first = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), CODE);
        forgot(patient.email());
        String second = Mailbox.extract(Mailbox.awaitBody(patient.email(), 2), CODE);

        assertThat(reset(first, NEW_PASSWORD).status()).isEqualTo(400);
        assertThat(reset(second, NEW_PASSWORD).status()).isEqualTo(204);
    }

    @Test
    void shouldRejectExpiredTokens() {
        TestUsers.Account patient = users.patient();
        forgot(patient.email());
        String token = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), CODE);
        jdbc.update(
                "update password_reset_tokens set expires_at = ? where user_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
                patient.id().toString());
        assertThat(reset(token, NEW_PASSWORD).status()).isEqualTo(400);
    }

    @Test
    void shouldKeepTheTokenWhenTheNewPasswordIsRejected() {
        TestUsers.Account patient = users.patient();
        forgot(patient.email());
        String token = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), CODE);
        assertThat(reset(token, "Password1234").status()).isEqualTo(400);
        assertThat(reset(token, NEW_PASSWORD).status()).isEqualTo(204);
    }

    @Test
    void shouldThrottleRequestsPerAddress() {
        String email = "throttled-" + UUID.randomUUID() + "@example.test";
        for (int i = 0; i < 3; i++) {
            assertThat(forgot(email).status()).isEqualTo(202);
        }
        ApiResponse throttled = forgot(email);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        assertThat(throttled.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldValidateTheRequestBodies() {
        ApiResponse badEmail = api.post("/api/auth/password/forgot")
                .json(Map.of("email", "not-an-email"))
                .send();
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().path("errors").toString()).contains("email");

        ApiResponse missing = api.post("/api/auth/password/reset")
                .json(Map.of("token", "abc"))
                .send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").toString()).contains("newPassword");
    }

    private ApiResponse forgot(String email) {
        return api.post("/api/auth/password/forgot")
                .json(Map.of("email", email))
                .send();
    }

    private ApiResponse reset(String token, String password) {
        return api.post("/api/auth/password/reset")
                .json(Map.of("token", token, "newPassword", password))
                .send();
    }

    private int login(String email, String password) {
        return api.post("/api/auth/login")
                .json(Map.of("email", email, "password", password))
                .send()
                .status();
    }
}
