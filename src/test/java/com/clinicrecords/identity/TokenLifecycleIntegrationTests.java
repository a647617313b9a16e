package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Login, OAuth2 form login, refresh (body and cookie), logout and the refresh cookie's attributes. */
class TokenLifecycleIntegrationTests extends IntegrationTest {

    private static final String COOKIE = "__Secure-refresh_token";

    @Test
    void shouldIssueTokensThroughTheOAuthPasswordForm() {
        TestUsers.Account patient = users.patient();
        ApiResponse response = api.post("/api/auth/token")
                .form(Map.of("grant_type", "password", "username", patient.email(), "password", patient.password()))
                .send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("token_type")).isEqualTo("Bearer");
        assertThat(response.json().path("expires_in").asLong()).isPositive();
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(api.get("/api/users/me")
                        .token(response.text("access_token"))
                        .send()
                        .status())
                .isEqualTo(200);

        ApiResponse wrongGrant = api.post("/api/auth/token")
                .form(Map.of(
                        "grant_type",
                        "authorization_code",
                        "username",
                        patient.email(),
                        "password",
                        patient.password()))
                .send();
        assertThat(wrongGrant.status()).isEqualTo(400);
    }

    @Test
    void shouldSetAHardenedRefreshCookie() {
        TestUsers.Account patient = users.patient();
        ApiResponse login = api.post("/api/auth/login")
                .json(Map.of("email", patient.email(), "password", patient.password()))
                .send();
        String cookie = login.header("Set-Cookie");
        assertThat(cookie)
                .startsWith(COOKIE + "=")
                .contains("Path=/api/auth")
                .contains("Secure")
                .contains("HttpOnly")
                .contains("SameSite=Strict");
        byte[] raw = Base64.getUrlDecoder().decode(login.text("refresh_token"));
        assertThat(raw.length).as("256-bit opaque refresh token").isGreaterThanOrEqualTo(32);
    }

    @Test
    void shouldRefreshFromTheCookieOnlyWithTheCsrfHeader() {
        TestUsers.Account patient = users.patient();
        String cookie = COOKIE + "=" + patient.refreshToken();
        ApiResponse withoutHeader =
                api.post("/api/auth/refresh").header("Cookie", cookie).send();
        assertThat(withoutHeader.status()).isEqualTo(403);

        ApiResponse withHeader = api.post("/api/auth/refresh")
                .header("Cookie", cookie)
                .header("X-Requested-With", "fetch")
                .send();
        assertThat(withHeader.status()).isEqualTo(200);
        assertThat(withHeader.text("refresh_token")).isNotEqualTo(patient.refreshToken());
        assertThat(withHeader.text("access_token")).isNotEqualTo(patient.accessToken());
    }

    @Test
    void shouldRejectRefreshAfterLogout() {
        TestUsers.Account patient = users.patient();
        ApiResponse logout =
                api.post("/api/auth/logout").token(patient.accessToken()).send();
        assertThat(logout.header("Set-Cookie")).contains(COOKIE + "=").contains("Max-Age=0");
        assertThat(api.post("/api/auth/refresh")
                        .json(Map.of("refreshToken", patient.refreshToken()))
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void shouldKeepWorkingThroughSeveralRotations() {
        TestUsers.Account patient = users.patient();
        String refresh = patient.refreshToken();
        for (int i = 0; i < 3; i++) {
            ApiResponse rotated = api.post("/api/auth/refresh")
                    .json(Map.of("refreshToken", refresh))
                    .send();
            assertThat(rotated.status()).isEqualTo(200);
            assertThat(api.get("/api/users/me")
                            .token(rotated.text("access_token"))
                            .send()
                            .status())
                    .isEqualTo(200);
            refresh = rotated.text("refresh_token");
        }
        assertThat(api.post("/api/auth/refresh")
                        .json(Map.of("refreshToken", "unknown-token"))
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void shouldDocumentTheIdentityEndpoints() {
        ApiResponse docs = api.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.raw())
                .contains("/api/admin/roles")
                .contains("/api/admin/users/{id}/temporary-password")
                .contains("/api/users/me/sessions")
                .contains("/api/auth/password/forgot");
    }
}
