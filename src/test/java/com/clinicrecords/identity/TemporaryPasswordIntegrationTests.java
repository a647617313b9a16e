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

class TemporaryPasswordIntegrationTests extends IntegrationTest {

    private static final String TEMP = "Temporary password: ([a-z0-9-]{23})";
    private static final String NEW_PASSWORD = "my own chosen passphrase";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldForceAPasswordChangeBeforeAnythingElse() {
        TestUsers.Account admin = users.admin();
        TestUsers.Account patient = users.patient();
        assertThat(issue(admin, patient).status()).isEqualTo(204);
        assertThat(api.get("/api/users/me").token(patient.accessToken()).send().status())
                .as("existing sessions end")
                .isEqualTo(401);

        String temporary = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), TEMP);
        assertThat(login(patient.email(), patient.password()).status()).isEqualTo(401);
        String token = login(patient.email(), temporary).text("access_token");

        ApiResponse me = api.get("/api/users/me").token(token).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("passwordChangeRequired").asBoolean()).isTrue();
        ApiResponse blocked = api.get("/api/users/me/sessions").token(token).send();
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.text("type")).isEqualTo("/problems/password-change-required");
        assertThat(api.put("/api/users/me")
                        .token(token)
                        .json(Map.of("firstName", "A", "lastName", "B"))
                        .send()
                        .status())
                .isEqualTo(403);

        ApiResponse changed = api.post("/api/users/me/password")
                .token(token)
                .json(Map.of("currentPassword", temporary, "newPassword", NEW_PASSWORD))
                .send();
        assertThat(changed.status()).isEqualTo(204);
        assertThat(api.get("/api/users/me/sessions").token(token).send().status())
                .isEqualTo(200);
        assertThat(login(patient.email(), temporary).status()).isEqualTo(401);
        assertThat(login(patient.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void shouldAllowLogoutWhilePasswordChangeIsRequired() {
        TestUsers.Account admin = users.admin();
        TestUsers.Account patient = users.patient();
        issue(admin, patient);
        String temporary = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), TEMP);
        String token = login(patient.email(), temporary).text("access_token");
        assertThat(api.post("/api/auth/logout").token(token).send().status()).isEqualTo(204);
    }

    @Test
    void shouldRejectAnExpiredTemporaryPassword() {
        TestUsers.Account admin = users.admin();
        TestUsers.Account patient = users.patient();
        issue(admin, patient);
        String temporary = Mailbox.extract(Mailbox.awaitBody(patient.email(), 1), TEMP);
        jdbc.update(
                "update users set temp_password_expires_at = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)),
                patient.id().toString());
        ApiResponse expired = login(patient.email(), temporary);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.text("type")).isEqualTo("/problems/invalid-credentials");
    }

    private ApiResponse issue(TestUsers.Account admin, TestUsers.Account target) {
        return api.post("/api/admin/users/" + target.id() + "/temporary-password")
                .token(admin.accessToken())
                .send();
    }

    private ApiResponse login(String email, String password) {
        return api.post("/api/auth/login")
                .json(Map.of("email", email, "password", password))
                .send();
    }
}
