package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every body field of the identity API: missing, wrong type, too long, malformed JSON -> 400 naming it. */
class InputValidationIntegrationTests extends IntegrationTest {

    private static final Map<String, Object> REGISTER = Map.of(
            "email",
            "valid@example.test",
            "password",
            TestUsers.PASSWORD,
            "firstName",
            "Ann",
            "lastName",
            "Lee",
            "phone",
            "+41 44 123 45 67");

    @Test
    void shouldNameEachInvalidRegistrationField() {
        expectField(
                api.post("/api/auth/register").json(without(REGISTER, "email")).send(), "email");
        expectField(
                api.post("/api/auth/register")
                        .json(with(REGISTER, "email", "no-at-sign"))
                        .send(),
                "email");
        expectField(
                api.post("/api/auth/register")
                        .json(with(REGISTER, "email", "a".repeat(250) + "@x.org"))
                        .send(),
                "email");
        expectField(
                api.post("/api/auth/register")
                        .json(without(REGISTER, "password"))
                        .send(),
                "password");
        expectField(
                api.post("/api/auth/register")
                        .json(with(REGISTER, "password", "x".repeat(300)))
                        .send(),
                "password");
        expectField(
                api.post("/api/auth/register")
                        .json(with(REGISTER, "password", Map.of("x", 1)))
                        .send(),
                "password");
        expectField(
                api.post("/api/auth/register")
                        .json(without(REGISTER, "firstName"))
                        .send(),
                "firstName");
        expectField(
                api.post("/api/auth/register")
                        .json(with(REGISTER, "firstName", "f".repeat(101)))
                        .send(),
                "firstName");
        expectField(
                api.post("/api/auth/register")
                        .json(with(REGISTER, "lastName", " "))
                        .send(),
                "lastName");
        expectField(
                api.post("/api/auth/register")
                        .json(with(REGISTER, "lastName", List.of("a")))
                        .send(),
                "lastName");
        expectField(
                api.post("/api/auth/register")
                        .json(with(REGISTER, "phone", "call me"))
                        .send(),
                "phone");
    }

    @Test
    void shouldNameEachInvalidLoginAndRecoveryField() {
        // Neither "login" nor its older name "email": the error names the current field.
        expectField(api.post("/api/auth/login").json(Map.of("password", "x")).send(), "login");
        expectField(api.post("/api/auth/login").json(Map.of("email", "a@b.c")).send(), "password");
        expectField(
                api.post("/api/auth/login")
                        .json(Map.of("email", "e".repeat(300), "password", "x"))
                        .send(),
                "email");
        expectField(api.post("/api/auth/password/forgot").json(Map.of()).send(), "email");
        expectField(
                api.post("/api/auth/password/reset")
                        .json(Map.of("newPassword", "long enough pass"))
                        .send(),
                "token");
        expectField(
                api.post("/api/auth/password/reset")
                        .json(Map.of("token", "t".repeat(129), "newPassword", "long enough pass"))
                        .send(),
                "token");
    }

    @Test
    void shouldNameEachInvalidAccountField() {
        TestUsers.Account patient = users.patient();
        String token = patient.accessToken();
        expectField(
                api.put("/api/users/me")
                        .token(token)
                        .json(Map.of("lastName", "L"))
                        .send(),
                "firstName");
        expectField(
                api.put("/api/users/me")
                        .token(token)
                        .json(Map.of("firstName", "F", "lastName", "l".repeat(101)))
                        .send(),
                "lastName");
        expectField(
                api.post("/api/users/me/password")
                        .token(token)
                        .json(Map.of("currentPassword", "x"))
                        .send(),
                "newPassword");
        expectField(
                api.post("/api/users/me/password")
                        .token(token)
                        .json(Map.of(
                                "currentPassword",
                                "x",
                                "newPassword",
                                "long enough pass",
                                "logoutOtherSessions",
                                "maybe"))
                        .send(),
                "logoutOtherSessions");
        expectField(
                api.post("/api/users/me/email-verification/confirm")
                        .token(token)
                        .json(Map.of())
                        .send(),
                "code");
    }

    @Test
    void shouldNameEachInvalidAdminField() {
        String token = users.admin().accessToken();
        expectField(
                api.post("/api/admin/roles")
                        .token(token)
                        .json(Map.of("name", "X".repeat(70), "permissions", List.of()))
                        .send(),
                "name");
        expectField(
                api.post("/api/admin/roles")
                        .token(token)
                        .json(Map.of("name", "VALID_NAME", "permissions", "users:read,roles:manage"))
                        .send(),
                "permissions");
        expectField(
                api.post("/api/admin/users")
                        .token(token)
                        .json(Map.of("email", "x@y.z", "firstName", "A", "lastName", "B", "roles", List.of()))
                        .send(),
                "roles");
        expectField(
                api.post("/api/admin/users")
                        .token(token)
                        .json(Map.of("firstName", "A", "lastName", "B", "roles", List.of("DOCTOR")))
                        .send(),
                "email");
        expectField(
                api.put("/api/admin/users/" + users.patient().id() + "/roles")
                        .token(token)
                        .json(Map.of())
                        .send(),
                "roles");
    }

    @Test
    void shouldReportMalformedJsonWithoutEchoingIt() {
        ApiResponse response = api.post("/api/auth/login")
                .json("{\"email\": \"a@b.c\", \"password\": <script>")
                .send();
        expectField(response, "body");
        assertThat(response.raw()).doesNotContain("<script>");
        expectField(api.post("/api/auth/register").json("").send(), "body");
    }

    private static void expectField(ApiResponse response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").toString())
                .as(response.toString())
                .contains("\"field\":\"" + field + "\"");
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> base, String key) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.remove(key);
        return copy;
    }
}
