package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SessionsIntegrationTests extends IntegrationTest {

    @Test
    void shouldListOpenSessionsAndMarkTheCurrentOne() {
        TestUsers.Account patient = users.patient();
        api.post("/api/auth/login")
                .header("User-Agent", "PhoneApp/1.0")
                .json(Map.of("email", patient.email(), "password", patient.password()))
                .send();

        ApiResponse response =
                api.get("/api/users/me/sessions").token(patient.accessToken()).send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().size()).isEqualTo(2);
        long current = 0;
        for (JsonNode s : response.json()) {
            assertThat(s.path("id").asString()).isNotBlank();
            assertThat(s.path("createdAt").asString()).isNotBlank();
            assertThat(s.path("lastUsedAt").asString()).isNotBlank();
            assertThat(s.path("clientIp").asString()).isEqualTo("127.0.0.1");
            current += s.path("current").asBoolean() ? 1 : 0;
        }
        assertThat(current).isEqualTo(1);
        assertThat(response.raw()).contains("PhoneApp/1.0");
    }

    @Test
    void shouldEndOneOwnSession() {
        TestUsers.Account patient = users.patient();
        TestUsers.Account phone = users.login(patient.id(), patient.email(), patient.password());
        String phoneSession = sessionIdOf(phone);

        ApiResponse deleted = api.delete("/api/users/me/sessions/" + phoneSession)
                .token(patient.accessToken())
                .send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/users/me").token(phone.accessToken()).send().status())
                .isEqualTo(401);
        assertThat(api.get("/api/users/me").token(patient.accessToken()).send().status())
                .isEqualTo(200);
    }

    @Test
    void shouldAnswer404ForSomeoneElsesSession() {
        TestUsers.Account alice = users.patient();
        TestUsers.Account bob = users.patient();
        ApiResponse response = api.delete("/api/users/me/sessions/" + sessionIdOf(bob))
                .token(alice.accessToken())
                .send();
        assertThat(response.status()).isEqualTo(404);
        assertThat(api.get("/api/users/me").token(bob.accessToken()).send().status())
                .isEqualTo(200);
        assertThat(api.delete("/api/users/me/sessions/" + UUID.randomUUID())
                        .token(alice.accessToken())
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void shouldEndAllOtherSessions() {
        TestUsers.Account patient = users.patient();
        TestUsers.Account phone = users.login(patient.id(), patient.email(), patient.password());
        TestUsers.Account tablet = users.login(patient.id(), patient.email(), patient.password());

        assertThat(api.delete("/api/users/me/sessions")
                        .token(patient.accessToken())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/users/me").token(phone.accessToken()).send().status())
                .isEqualTo(401);
        assertThat(api.get("/api/users/me").token(tablet.accessToken()).send().status())
                .isEqualTo(401);
        ApiResponse remaining =
                api.get("/api/users/me/sessions").token(patient.accessToken()).send();
        assertThat(remaining.json().size()).isEqualTo(1);
    }

    @Test
    void shouldGiveEachLoginItsOwnSession() {
        TestUsers.Account patient = users.patient();
        TestUsers.Account second = users.login(patient.id(), patient.email(), patient.password());
        assertThat(sessionIdOf(second)).isNotEqualTo(sessionIdOf(patient));
        assertThat(second.refreshToken()).isNotEqualTo(patient.refreshToken());
    }

    private String sessionIdOf(TestUsers.Account account) {
        for (JsonNode s : api.get("/api/users/me/sessions")
                .token(account.accessToken())
                .send()
                .json()) {
            if (s.path("current").asBoolean()) {
                return s.path("id").asString();
            }
        }
        throw new AssertionError("no current session");
    }
}
