package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.Mailbox;
import com.clinicrecords.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class AdminUsersIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldListUsersPagedFilteredAndSorted() {
        TestUsers.Account admin = users.admin();
        users.doctor();
        users.doctor();

        ApiResponse page = api.get("/api/admin/users?role=DOCTOR&page=0&size=100&sort=email,desc")
                .token(admin.accessToken())
                .send();
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().path("size").asInt()).isEqualTo(100);
        assertThat(page.json().path("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        String previous = null;
        for (JsonNode user : page.json().path("content")) {
            assertThat(user.path("roles").toString()).contains("DOCTOR");
            assertThat(user.has("passwordHash")).isFalse();
            String email = user.path("email").asString();
            if (previous != null) {
                assertThat(email.compareTo(previous)).isLessThanOrEqualTo(0);
            }
            previous = email;
        }
        ApiResponse small = api.get("/api/admin/users?size=1&page=1")
                .token(admin.accessToken())
                .send();
        assertThat(small.json().path("content").size()).isEqualTo(1);
        assertThat(small.json().path("page").asInt()).isEqualTo(1);

        ApiResponse tooBig =
                api.get("/api/admin/users?size=1000").token(admin.accessToken()).send();
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().path("errors").get(0).path("field").asString()).isEqualTo("size");

        ApiResponse badSort = api.get("/api/admin/users?sort=passwordHash")
                .token(admin.accessToken())
                .send();
        assertThat(badSort.status()).isEqualTo(400);
    }

    @Test
    void shouldGetOneUserOr404() {
        TestUsers.Account admin = users.admin();
        TestUsers.Account patient = users.patient();
        ApiResponse found = api.get("/api/admin/users/" + patient.id())
                .token(admin.accessToken())
                .send();
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.text("email")).isEqualTo(patient.email());
        assertThat(api.get("/api/admin/users/" + UUID.randomUUID())
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/admin/users/not-a-uuid")
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void shouldReplaceRolesWithImmediateEffect() {
        TestUsers.Account admin = users.admin();
        TestUsers.Account patient = users.patient();
        ApiResponse changed = api.put("/api/admin/users/" + patient.id() + "/roles")
                .token(admin.accessToken())
                .json(Map.of("roles", List.of("DOCTOR")))
                .send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("roles").toString()).isEqualTo("[\"DOCTOR\"]");
        ApiResponse me = api.get("/api/users/me").token(patient.accessToken()).send();
        assertThat(me.json().path("roles").toString()).isEqualTo("[\"DOCTOR\"]");

        ApiResponse unknown = api.put("/api/admin/users/" + patient.id() + "/roles")
                .token(admin.accessToken())
                .json(Map.of("roles", List.of("NO_SUCH_ROLE")))
                .send();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").toString()).contains("roles");
    }

    @Test
    void shouldNotRemoveAdminFromTheLastActiveAdmin() {
        TestUsers.Account admin = users.admin();
        // Temporarily make this the only active admin; other tests create their own admins.
        List<String> others = jdbc.queryForList(
                "select u.id from users u join user_roles ur on ur.user_id = u.id "
                        + "where ur.role_id = '00000000-0000-0000-0000-000000000001' and u.status = 'ACTIVE' and u.id <> ?",
                String.class,
                admin.id().toString());
        others.forEach(id -> jdbc.update("update users set status = 'DISABLED' where id = ?", id));
        try {
            ApiResponse response = api.put("/api/admin/users/" + admin.id() + "/roles")
                    .token(admin.accessToken())
                    .json(Map.of("roles", List.of("DOCTOR")))
                    .send();
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.text("type")).isEqualTo("/problems/last-admin");
        } finally {
            others.forEach(id -> jdbc.update("update users set status = 'ACTIVE' where id = ?", id));
        }
        TestUsers.Account second = users.admin();
        ApiResponse allowed = api.put("/api/admin/users/" + admin.id() + "/roles")
                .token(second.accessToken())
                .json(Map.of("roles", List.of("DOCTOR")))
                .send();
        assertThat(allowed.status()).isEqualTo(200);
    }

    @Test
    void shouldDisableAccountsAndEndTheirSessionsAtOnce() {
        TestUsers.Account admin = users.admin();
        TestUsers.Account patient = users.patient();
        assertThat(api.get("/api/users/me").token(patient.accessToken()).send().status())
                .isEqualTo(200);

        ApiResponse disabled = api.post("/api/admin/users/" + patient.id() + "/disable")
                .token(admin.accessToken())
                .send();
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.text("status")).isEqualTo("DISABLED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_events where action = 'ACCOUNT_DISABLED' "
                                + "and actor_user_id = ? and resource_id = ?",
                        Integer.class,
                        admin.id().toString(),
                        patient.id().toString()))
                .isEqualTo(1);
        assertThat(api.get("/api/users/me").token(patient.accessToken()).send().status())
                .isEqualTo(401);
        assertThat(api.post("/api/auth/refresh")
                        .json(Map.of("refreshToken", patient.refreshToken()))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(login(patient).status()).isEqualTo(401);

        assertThat(api.post("/api/admin/users/" + patient.id() + "/enable")
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(login(patient).status()).isEqualTo(200);
    }

    @Test
    void shouldNotLetAnAdminDisableThemselves() {
        TestUsers.Account admin = users.admin();
        ApiResponse response = api.post("/api/admin/users/" + admin.id() + "/disable")
                .token(admin.accessToken())
                .send();
        assertThat(response.status()).isEqualTo(409);
    }

    @Test
    void shouldCreateStaffAccountsWithAnEmailedTemporaryPassword() {
        TestUsers.Account admin = users.admin();
        String email = "dr-" + UUID.randomUUID() + "@example.test";
        ApiResponse created = api.post("/api/admin/users")
                .token(admin.accessToken())
                .json(Map.of("email", email, "firstName", "Gregory", "lastName", "House", "roles", List.of("DOCTOR")))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/admin/users/" + created.text("id"));
        assertThat(created.json().path("roles").toString()).isEqualTo("[\"DOCTOR\"]");
        assertThat(created.json().path("passwordChangeRequired").asBoolean()).isTrue();

        String body = Mailbox.awaitBody(email, 1);
        String temporary = Mailbox.extract(body, "Temporary password: ([a-z0-9-]{23})");
        ApiResponse login = api.post("/api/auth/login")
                .json(Map.of("email", email, "password", temporary))
                .send();
        assertThat(login.status()).isEqualTo(200);

        ApiResponse duplicate = api.post("/api/admin/users")
                .token(admin.accessToken())
                .json(Map.of("email", email, "firstName", "G", "lastName", "H", "roles", List.of("DOCTOR")))
                .send();
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void shouldIgnorePrivilegedFieldsInProfileUpdates() {
        TestUsers.Account patient = users.patient();
        ApiResponse response = api.put("/api/users/me")
                .token(patient.accessToken())
                .json(Map.of(
                        "firstName",
                        "Eve",
                        "lastName",
                        "Mallory",
                        "roles",
                        List.of("ADMIN"),
                        "status",
                        "DISABLED",
                        "emailVerified",
                        true,
                        "id",
                        UUID.randomUUID().toString(),
                        "email",
                        "other@example.test",
                        "passwordChangeRequired",
                        true))
                .send();
        assertThat(response.status()).isEqualTo(200);
        ApiResponse me = api.get("/api/users/me").token(patient.accessToken()).send();
        assertThat(me.text("firstName")).isEqualTo("Eve");
        assertThat(me.text("id")).isEqualTo(patient.id().toString());
        assertThat(me.text("email")).isEqualTo(patient.email());
        assertThat(me.text("status")).isEqualTo("ACTIVE");
        assertThat(me.json().path("emailVerified").asBoolean()).isFalse();
        assertThat(me.json().path("passwordChangeRequired").asBoolean()).isFalse();
        assertThat(me.json().path("roles").toString()).isEqualTo("[\"PATIENT\"]");
        assertThat(api.get("/api/admin/users")
                        .token(patient.accessToken())
                        .send()
                        .status())
                .isEqualTo(403);
    }

    private ApiResponse login(TestUsers.Account account) {
        return api.post("/api/auth/login")
                .json(Map.of("email", account.email(), "password", account.password()))
                .send();
    }
}
