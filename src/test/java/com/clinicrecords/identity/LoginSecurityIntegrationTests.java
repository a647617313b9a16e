package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.identity.domain.ThrottleProperties;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class LoginSecurityIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ThrottleProperties.Login throttle;

    @Test
    void shouldUseARealisticPerAccountLimitAndAHighPerIpLimitInTests() {
        assertThat(throttle.perAccountClient().capacity()).isEqualTo(10);
        assertThat(throttle.perAccountClient().period()).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.perAccount().capacity()).isEqualTo(50);
        assertThat(throttle.perAccount().period()).isEqualTo(Duration.ofHours(1));
        assertThat(throttle.perIp().capacity()).as("all tests share 127.0.0.1").isEqualTo(100_000);
    }

    @Test
    void shouldThrottleAnAccountAfterTenFailuresEvenForTheRightPassword() {
        TestUsers.Account patient = users.patient();
        for (int i = 0; i < 10; i++) {
            assertThat(login(patient.email(), "wrong password number " + i).status())
                    .isEqualTo(401);
        }
        ApiResponse throttled = login(patient.email(), patient.password());
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        assertThat(throttled.text("type")).isEqualTo("/problems/too-many-requests");

        TestUsers.Account other = users.patient();
        assertThat(login(other.email(), other.password()).status())
                .as("other accounts unaffected")
                .isEqualTo(200);
        assertThat(api.get("/api/users/me").token(patient.accessToken()).send().status())
                .as("existing sessions unaffected")
                .isEqualTo(200);
    }

    @Test
    void shouldThrottleUnknownAccountsTheSameWay() {
        String email = "ghost-" + UUID.randomUUID() + "@example.test";
        for (int i = 0; i < 10; i++) {
            assertThat(login(email, "whatever password " + i).status()).isEqualTo(401);
        }
        assertThat(login(email, "whatever password").status()).isEqualTo(429);
    }

    @Test
    void shouldThrottleTheOAuthTokenEndpointToo() {
        TestUsers.Account patient = users.patient();
        for (int i = 0; i < 10; i++) {
            api.post("/api/auth/token")
                    .form(Map.of("grant_type", "password", "username", patient.email(), "password", "wrong " + i))
                    .send();
        }
        assertThat(login(patient.email(), patient.password()).status()).isEqualTo(429);
    }

    @Test
    void shouldAnswerUnknownUserAndWrongPasswordIdentically() {
        TestUsers.Account patient = users.patient();
        ApiResponse wrong = login(patient.email(), "not the password at all");
        ApiResponse unknown = login("nobody-" + UUID.randomUUID() + "@example.test", "not the password at all");
        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        for (String field : new String[] {"type", "title", "detail", "status"}) {
            assertThat(unknown.json().path(field)).isEqualTo(wrong.json().path(field));
        }
        assertThat(unknown.header("WWW-Authenticate")).isEqualTo(wrong.header("WWW-Authenticate"));
    }

    @Test
    void shouldRecordLoginsAndFailuresInTheAuditTrail() {
        TestUsers.Account patient = users.patient();
        login(patient.email(), "not the password at all");
        // Failed sign-ins are written behind the request (within 100 ms).
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select action from audit_events where actor_user_id = ? order by id",
                                String.class,
                                patient.id().toString()))
                        .containsSubsequence("LOGIN", "LOGIN_FAILED"));
        assertThat(jdbc.queryForList(
                        "select detail from audit_events where actor_user_id = ?",
                        String.class,
                        patient.id().toString()))
                .noneMatch(d -> d != null && d.contains("not the password"));
    }

    @Test
    void shouldNeverAcceptANoopPasswordHash() {
        TestUsers.Account patient = users.patient();
        jdbc.update(
                "update users set password_hash = ? where id = ?",
                "{noop}plain text password",
                patient.id().toString());
        assertThat(login(patient.email(), "plain text password").status()).isEqualTo(401);
    }

    @Test
    void shouldStoreArgon2idHashesWithAsvsParameters() {
        TestUsers.Account patient = users.patient();
        String hash = jdbc.queryForObject(
                "select password_hash from users where id = ?",
                String.class,
                patient.id().toString());
        assertThat(hash).matches("^\\{argon2id-v1}\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$.+");
    }

    @Test
    void shouldEnforceThePasswordPolicyOnRegistration() {
        assertThat(register("elevenchars").status()).isEqualTo(400);
        assertThat(register("Password1234").status()).isEqualTo(400);
        assertThat(register("twelve chars").status()).isEqualTo(201);
    }

    @Test
    void shouldAcceptLongUnicodePasswordsOnRegistration() {
        String password = "🦷 zahnärztliche Praxis – lange Passphrase mit Leerzeichen 😀 und Emoji 🎉!";
        assertThat(password.codePointCount(0, password.length())).isGreaterThanOrEqualTo(64);
        String email = "unicode-" + UUID.randomUUID() + "@example.test";
        ApiResponse registered = api.post("/api/auth/register")
                .json(Map.of("email", email, "password", password, "firstName", "Uni", "lastName", "Code"))
                .send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(login(email, password).status()).isEqualTo(200);
        assertThat(login(email, password.substring(0, password.length() - 1)).status())
                .isEqualTo(401);
    }

    private ApiResponse register(String password) {
        return api.post("/api/auth/register")
                .json(Map.of(
                        "email",
                        "p-" + UUID.randomUUID() + "@example.test",
                        "password",
                        password,
                        "firstName",
                        "P",
                        "lastName",
                        "Q"))
                .send();
    }

    private ApiResponse login(String email, String password) {
        return api.post("/api/auth/login")
                .json(Map.of("email", email, "password", password))
                .send();
    }
}
