package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthFlowIntegrationTests extends IntegrationTest {

    @Test
    void shouldRegisterLoginAndReadProfile() {
        String email = "New.Patient-" + UUID.randomUUID() + "@Example.test";
        ApiResponse registered = api.post("/api/auth/register")
                .json(Map.of("email", email, "password", TestUsers.PASSWORD, "firstName", "Ann", "lastName", "Lee"))
                .send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.text("email")).isEqualTo(email.toLowerCase());
        assertThat(registered.raw()).doesNotContain("passwordHash").doesNotContain(TestUsers.PASSWORD);

        ApiResponse login = api.post("/api/auth/login")
                .json(Map.of("email", email, "password", TestUsers.PASSWORD))
                .send();
        assertThat(login.status()).isEqualTo(200);
        String access = login.text("access_token");

        ApiResponse me = api.get("/api/users/me").token(access).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("roles").toString()).contains("PATIENT");
    }

    @Test
    void shouldAnswerUnauthenticatedCallsWithProblemDetails() {
        ApiResponse response = api.get("/api/users/me").send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("/problems/unauthorized");
    }

    @Test
    void shouldRotateRefreshTokenAndRevokeSessionOnReplay() {
        TestUsers.Account patient = users.patient();
        ApiResponse first = api.post("/api/auth/refresh")
                .json(Map.of("refreshToken", patient.refreshToken()))
                .send();
        assertThat(first.status()).isEqualTo(200);

        ApiResponse replay = api.post("/api/auth/refresh")
                .json(Map.of("refreshToken", patient.refreshToken()))
                .send();
        assertThat(replay.status()).isEqualTo(401);

        ApiResponse rotated = api.post("/api/auth/refresh")
                .json(Map.of("refreshToken", first.text("refresh_token")))
                .send();
        assertThat(rotated.status()).as("replay revokes the whole session").isEqualTo(401);
        assertThat(api.get("/api/users/me")
                        .token(first.text("access_token"))
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void shouldKillAccessTokenOnLogout() {
        TestUsers.Account patient = users.patient();
        assertThat(api.post("/api/auth/logout")
                        .token(patient.accessToken())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/users/me").token(patient.accessToken()).send().status())
                .isEqualTo(401);
    }
}
