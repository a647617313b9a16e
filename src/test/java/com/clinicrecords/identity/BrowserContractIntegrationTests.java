package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The browser-app contract of docs/frontend-guide.md, through the real HTTP API. */
class BrowserContractIntegrationTests extends IntegrationTest {

    private static final String COOKIE = "__Secure-refresh_token";
    private static final String SPA = "http://localhost:5173";

    @Test
    void shouldKeepTheRefreshTokenOutOfEveryBodyInCookieMode() {
        TestUsers.Account patient = users.patient();
        ApiResponse login = api.post("/api/auth/login?cookie=true")
                .json(Map.of("email", patient.email(), "password", patient.password()))
                .send();
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().has("access_token")).isTrue();
        assertThat(login.json().has("refresh_token")).isFalse();
        String cookie = cookieValue(login);
        assertThat(cookie).isNotBlank();

        ApiResponse refreshed = api.post("/api/auth/refresh")
                .header("Cookie", COOKIE + "=" + cookie)
                .header("X-Requested-With", "fetch")
                .send();
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.json().has("refresh_token")).isFalse();
        assertThat(cookieValue(refreshed)).isNotBlank().isNotEqualTo(cookie);
        assertThat(refreshed.raw()).doesNotContain(cookieValue(refreshed));
    }

    @Test
    void shouldStillReturnTheRefreshTokenToApiClients() {
        TestUsers.Account patient = users.patient();
        ApiResponse login = api.post("/api/auth/login")
                .json(Map.of("email", patient.email(), "password", patient.password()))
                .send();
        assertThat(login.text("refresh_token")).isNotBlank();
    }

    @Test
    void shouldLogOutWithTheCookieAloneWhenTheAccessTokenIsGone() {
        TestUsers.Account patient = users.patient();
        String cookie = COOKIE + "=" + patient.refreshToken();

        ApiResponse withoutGuard =
                api.post("/api/auth/logout").header("Cookie", cookie).send();
        assertThat(withoutGuard.status()).isEqualTo(403);
        assertThat(withoutGuard.text("type")).isEqualTo("/problems/csrf-header-missing");

        ApiResponse logout = api.post("/api/auth/logout")
                .header("Cookie", cookie)
                .header("X-Requested-With", "fetch")
                .send();
        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        assertThat(logout.header("Set-Cookie")).contains(COOKIE + "=").contains("Max-Age=0");
        // the session is over: neither its access token nor its refresh token works any more
        assertThat(api.get("/api/users/me").token(patient.accessToken()).send().status())
                .isEqualTo(401);
        assertThat(api.post("/api/auth/refresh")
                        .json(Map.of("refreshToken", patient.refreshToken()))
                        .send()
                        .status())
                .isEqualTo(401);
        // a second logout with the same cookie says the same
        assertThat(api.post("/api/auth/logout")
                        .header("Cookie", cookie)
                        .header("X-Requested-With", "fetch")
                        .send()
                        .status())
                .isEqualTo(204);
    }

    @Test
    void shouldLogOutWithTheBearerTokenAndRefuseACallWithNeither() {
        TestUsers.Account patient = users.patient();
        assertThat(api.post("/api/auth/logout")
                        .token(patient.accessToken())
                        .send()
                        .status())
                .isEqualTo(204);
        ApiResponse neither = api.post("/api/auth/logout").send();
        assertThat(neither.status()).isEqualTo(401);
        assertThat(neither.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldLetTheSpaSendConditionalAndIdempotencyHeaders() {
        ApiResponse preflight = api.options("/api/patients/" + java.util.UUID.randomUUID())
                .header("Origin", SPA)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,if-none-match,if-match,idempotency-key")
                .send();
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("if-none-match", "if-match", "idempotency-key");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        ApiResponse get = api.get("/api/users/me").header("Origin", SPA).send();
        assertThat(get.header("Access-Control-Expose-Headers"))
                .contains("ETag", "Location", "Retry-After", "X-Request-Id", "X-Upload-Duplicate");
    }

    @Test
    void shouldAnswerARefusedOriginWithAProblem() {
        ApiResponse preflight = api.options("/api/users/me")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .send();
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.contentType()).startsWith("application/problem+json");
        assertThat(preflight.text("type")).isEqualTo("/problems/cors-origin-refused");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void shouldAnswerRequestsTheContainerRefusesWithAProblem() throws IOException {
        assertProblem(raw("GET /api/users/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(
                raw("GET /api/users/me HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20 * 1024)
                        + "\r\nConnection: close\r\n\r\n"),
                400);
        assertProblem(raw("GET /api/users/me HTTP/2.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 505);
    }

    private static void assertProblem(String response, int status) {
        assertThat(response).as(response).startsWith("HTTP/1.1 " + status);
        assertThat(response.toLowerCase()).as(response).contains("content-type: application/problem+json");
        assertThat(response).contains("\"status\":" + status).doesNotContain("<html");
    }

    /** A hand-written request on a plain socket: java.net.http would refuse to send these. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String cookieValue(ApiResponse response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(COOKIE.length() + 1, c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }
}
