package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdminRolesIntegrationTests extends IntegrationTest {

    static final String BUILT_IN_DOCTOR = "00000000-0000-0000-0000-000000000002";

    @Test
    void shouldCreateUpdateAndDeleteACustomRole() {
        TestUsers.Account admin = users.admin();
        String name = uniqueName("RECEPTION");
        ApiResponse created = api.post("/api/admin/roles")
                .token(admin.accessToken())
                .json(Map.of(
                        "name",
                        name,
                        "description",
                        "Front desk",
                        "permissions",
                        List.of("appointments:book", "users:read")))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).isEqualTo("/api/admin/roles/" + id);
        assertThat(created.json().path("builtIn").asBoolean()).isFalse();

        ApiResponse updated = api.put("/api/admin/roles/" + id)
                .token(admin.accessToken())
                .json(Map.of("description", "Reception desk", "permissions", List.of("appointments:book")))
                .send();
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("permissions").toString()).isEqualTo("[\"appointments:book\"]");

        ApiResponse list =
                api.get("/api/admin/roles").token(admin.accessToken()).send();
        assertThat(list.raw()).contains(name).contains("ADMIN").contains("DOCTOR");

        assertThat(api.delete("/api/admin/roles/" + id)
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(api.delete("/api/admin/roles/" + id)
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(404);
    }

    /** Permissions are cached per (role, version): a change of a role's permissions counts on the next request. */
    @Test
    void shouldApplyAChangeOfARolesPermissionsOnTheNextRequest() {
        TestUsers.Account admin = users.admin();
        String name = uniqueName("AUDITOR");
        String id = customRole(admin, name, "users:read");
        TestUsers.Account member = users.withRoles(name);
        assertThat(api.get("/api/admin/users")
                        .token(member.accessToken())
                        .send()
                        .status())
                .isEqualTo(200);

        for (List<String> permissions : List.of(List.of("appointments:book"), List.of("users:read"))) {
            ApiResponse changed = api.put("/api/admin/roles/" + id)
                    .token(admin.accessToken())
                    .json(Map.of("description", "changed", "permissions", permissions))
                    .send();
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(api.get("/api/admin/users")
                            .token(member.accessToken())
                            .send()
                            .status())
                    .as("after the role was given %s", permissions)
                    .isEqualTo(permissions.contains("users:read") ? 200 : 403);
        }
    }

    @Test
    void shouldListAllPermissions() {
        ApiResponse response = api.get("/api/admin/permissions")
                .token(users.admin().accessToken())
                .send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw())
                .contains("roles:manage")
                .contains("users:manage")
                .contains("patients:care");
    }

    @Test
    void shouldRejectInvalidRoleDefinitions() {
        TestUsers.Account admin = users.admin();
        assertField(
                api.post("/api/admin/roles")
                        .token(admin.accessToken())
                        .json(Map.of("name", "lower_case", "permissions", List.of()))
                        .send(),
                "name");
        assertField(
                api.post("/api/admin/roles")
                        .token(admin.accessToken())
                        .json(Map.of("name", "AB", "permissions", List.of()))
                        .send(),
                "name");
        assertField(
                api.post("/api/admin/roles")
                        .token(admin.accessToken())
                        .json(Map.of("name", uniqueName("X"), "permissions", List.of("everything:all")))
                        .send(),
                "permissions");
        assertField(
                api.post("/api/admin/roles")
                        .token(admin.accessToken())
                        .json(Map.of("name", uniqueName("X")))
                        .send(),
                "permissions");
        assertField(
                api.post("/api/admin/roles")
                        .token(admin.accessToken())
                        .json(Map.of("name", uniqueName("X"), "description", "d".repeat(256), "permissions", List.of()))
                        .send(),
                "description");
    }

    @Test
    void shouldRejectDuplicateNames() {
        TestUsers.Account admin = users.admin();
        ApiResponse duplicate = api.post("/api/admin/roles")
                .token(admin.accessToken())
                .json(Map.of("name", "DOCTOR", "permissions", List.of()))
                .send();
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void shouldProtectBuiltInRoles() {
        TestUsers.Account admin = users.admin();
        ApiResponse delete = api.delete("/api/admin/roles/" + BUILT_IN_DOCTOR)
                .token(admin.accessToken())
                .send();
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.text("type")).isEqualTo("/problems/built-in-role");
        ApiResponse update = api.put("/api/admin/roles/" + BUILT_IN_DOCTOR)
                .token(admin.accessToken())
                .json(Map.of("permissions", List.of("roles:manage")))
                .send();
        assertThat(update.status()).isEqualTo(409);
    }

    @Test
    void shouldRefuseToDeleteARoleInUseAndSayHowOften() {
        TestUsers.Account admin = users.admin();
        String name = uniqueName("NURSE");
        String id = customRole(admin, name, "appointments:book");
        users.withRoles(name);
        users.withRoles(name);

        ApiResponse response =
                api.delete("/api/admin/roles/" + id).token(admin.accessToken()).send();
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("type")).isEqualTo("/problems/role-in-use");
        assertThat(response.json().path("userCount").asInt()).isEqualTo(2);
        assertThat(response.text("detail")).contains("2 user(s)");
    }

    @Test
    void shouldNotLetACustomRoleManagerGrantWhatItDoesNotHold() {
        TestUsers.Account admin = users.admin();
        String managerRole = uniqueName("ROLE_MANAGER");
        api.post("/api/admin/roles")
                .token(admin.accessToken())
                .json(Map.of(
                        "name",
                        managerRole,
                        "permissions",
                        List.of("roles:manage", "users:manage", "users:read", "appointments:book")))
                .send();
        TestUsers.Account manager = users.withRoles(managerRole);

        ApiResponse escalate = api.post("/api/admin/roles")
                .token(manager.accessToken())
                .json(Map.of("name", uniqueName("SNEAKY"), "permissions", List.of("audit:read")))
                .send();
        assertThat(escalate.status()).isEqualTo(403);
        assertThat(escalate.text("type")).isEqualTo("/problems/privilege-escalation");

        ApiResponse selfAdmin = api.put("/api/admin/users/" + manager.id() + "/roles")
                .token(manager.accessToken())
                .json(Map.of("roles", List.of("ADMIN")))
                .send();
        assertThat(selfAdmin.status()).isEqualTo(403);
        ApiResponse doctor = api.put("/api/admin/users/" + manager.id() + "/roles")
                .token(manager.accessToken())
                .json(Map.of("roles", List.of(managerRole, "DOCTOR")))
                .send();
        assertThat(doctor.status())
                .as("DOCTOR holds permissions the manager lacks")
                .isEqualTo(403);
        ApiResponse editBuiltIn = api.put("/api/admin/users/" + admin.id() + "/roles")
                .token(manager.accessToken())
                .json(Map.of("roles", List.of(managerRole)))
                .send();
        assertThat(editBuiltIn.status()).as("cannot demote an admin").isEqualTo(403);

        ApiResponse allowed = api.post("/api/admin/roles")
                .token(manager.accessToken())
                .json(Map.of("name", uniqueName("BOOKER"), "permissions", List.of("appointments:book")))
                .send();
        assertThat(allowed.status()).isEqualTo(201);

        ApiResponse me = api.get("/api/users/me").token(manager.accessToken()).send();
        assertThat(me.json().path("roles").toString()).doesNotContain("ADMIN");
    }

    private String customRole(TestUsers.Account admin, String name, String... permissions) {
        ApiResponse created = api.post("/api/admin/roles")
                .token(admin.accessToken())
                .json(Map.of("name", name, "permissions", List.of(permissions)))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    static String uniqueName(String prefix) {
        return prefix + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private static void assertField(ApiResponse response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").toString()).contains("\"field\":\"" + field + "\"");
    }
}
