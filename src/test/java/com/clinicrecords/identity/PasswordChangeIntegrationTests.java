package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordChangeIntegrationTests extends IntegrationTest {

    private static final String NEW_PASSWORD = "a brand new passphrase 2026";

    @Test
    void shouldChangePasswordAndEndOtherSessionsByDefault() {
        TestUsers.Account patient = users.patient();
        TestUsers.Account otherDevice = users.login(patient.id(), patient.email(), patient.password());

        ApiResponse changed = api.post("/api/users/me/password")
                .token(patient.accessToken())
                .json(Map.of("currentPassword", patient.password(), "newPassword", NEW_PASSWORD))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertThat(api.get("/api/users/me").token(patient.accessToken()).send().status())
                .isEqualTo(200);
        assertThat(api.get("/api/users/me")
                        .token(otherDevice.accessToken())
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(api.post("/api/auth/refresh")
                        .json(Map.of("refreshToken", otherDevice.refreshToken()))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(login(patient.email(), patient.password())).isEqualTo(401);
        assertThat(login(patient.email(), NEW_PASSWORD)).isEqualTo(200);
    }

    @Test
    void shouldKeepOtherSessionsWhenAskedTo() {
        TestUsers.Account patient = users.patient();
        TestUsers.Account otherDevice = users.login(patient.id(), patient.email(), patient.password());

        ApiResponse changed = api.post("/api/users/me/password")
                .token(patient.accessToken())
                .json(Map.of(
                        "currentPassword",
                        patient.password(),
                        "newPassword",
                        NEW_PASSWORD,
                        "logoutOtherSessions",
                        false))
                .send();
        assertThat(changed.status()).isEqualTo(204);
        assertThat(api.get("/api/users/me")
                        .token(otherDevice.accessToken())
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void shouldRejectWrongCurrentPassword() {
        TestUsers.Account patient = users.patient();
        ApiResponse response = api.post("/api/users/me/password")
                .token(patient.accessToken())
                .json(Map.of("currentPassword", "not my password at all", "newPassword", NEW_PASSWORD))
                .send();
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text("type")).isEqualTo("/problems/wrong-password");
        assertThat(login(patient.email(), patient.password())).isEqualTo(200);
    }

    @Test
    void shouldRejectWeakNewPasswords() {
        TestUsers.Account patient = users.patient();
        for (String weak : new String[] {"elevenchars", "Password1234", "qwertyuiop12", patient.email()}) {
            ApiResponse response = api.post("/api/users/me/password")
                    .token(patient.accessToken())
                    .json(Map.of("currentPassword", patient.password(), "newPassword", weak))
                    .send();
            assertThat(response.status()).as(weak).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void shouldRequireTheCurrentPassword() {
        TestUsers.Account patient = users.patient();
        ApiResponse response = api.post("/api/users/me/password")
                .token(patient.accessToken())
                .json(Map.of("newPassword", NEW_PASSWORD))
                .send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").toString()).contains("currentPassword");
    }

    @Test
    void shouldAcceptLongUnicodePasswordsExactlyAsTyped() {
        TestUsers.Account patient = users.patient();
        String unicode = "🔐 Grüße aus Zürich – ein sehr langes Passwort mit Leerzeichen 🙂 und 日本語 ";
        assertThat(unicode.codePointCount(0, unicode.length())).isGreaterThanOrEqualTo(64);

        ApiResponse changed = api.post("/api/users/me/password")
                .token(patient.accessToken())
                .json(Map.of("currentPassword", patient.password(), "newPassword", unicode))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(login(patient.email(), unicode)).isEqualTo(200);
        assertThat(login(patient.email(), unicode.substring(0, unicode.length() - 1)))
                .isEqualTo(401);
        assertThat(login(patient.email(), unicode.trim())).isEqualTo(401);
    }

    private int login(String email, String password) {
        return api.post("/api/auth/login")
                .json(Map.of("email", email, "password", password))
                .send()
                .status();
    }
}
