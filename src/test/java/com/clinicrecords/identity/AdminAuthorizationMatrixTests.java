package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.shared.security.Roles;
import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every admin endpoint against every kind of caller: anonymous 401, non-admin roles 403, ADMIN success. */
class AdminAuthorizationMatrixTests extends IntegrationTest {

    record Endpoint(String method, String path, Object body, int adminStatus) {

        ApiResponse call(ApiClient api, String token) {
            ApiClient.Call call = switch (method) {
                case "GET" -> api.get(path);
                case "POST" -> api.post(path);
                case "PUT" -> api.put(path);
                case "DELETE" -> api.delete(path);
                default -> throw new IllegalArgumentException(method);
            };
            if (body != null) {
                call.json(body);
            }
            return call.token(token).send();
        }
    }

    /** Fresh targets each time, so the admin's calls are all meaningful and succeed. */
    private List<Endpoint> endpoints(String adminToken) {
        UUID target = users.patient().id();
        String roleId = adminToken == null ? UUID.randomUUID().toString() : customRole(adminToken);
        String deletableRoleId = adminToken == null ? UUID.randomUUID().toString() : customRole(adminToken);
        String roleName = AdminRolesIntegrationTests.uniqueName("MATRIX");
        return List.of(
                new Endpoint("GET", "/api/admin/roles", null, 200),
                new Endpoint("GET", "/api/admin/permissions", null, 200),
                new Endpoint(
                        "POST",
                        "/api/admin/roles",
                        Map.of("name", roleName, "permissions", List.of("users:read")),
                        201),
                new Endpoint("PUT", "/api/admin/roles/" + roleId, Map.of("permissions", List.of("audit:read")), 200),
                new Endpoint("DELETE", "/api/admin/roles/" + deletableRoleId, null, 204),
                new Endpoint("GET", "/api/admin/users", null, 200),
                new Endpoint("GET", "/api/admin/users/" + target, null, 200),
                new Endpoint(
                        "POST",
                        "/api/admin/users",
                        Map.of(
                                "email",
                                "staff-" + UUID.randomUUID() + "@example.test",
                                "firstName",
                                "S",
                                "lastName",
                                "T",
                                "roles",
                                List.of("DOCTOR")),
                        201),
                new Endpoint("PUT", "/api/admin/users/" + target + "/roles", Map.of("roles", List.of("PATIENT")), 200),
                new Endpoint("POST", "/api/admin/users/" + target + "/temporary-password", null, 204),
                new Endpoint("POST", "/api/admin/users/" + target + "/disable", null, 200),
                new Endpoint("POST", "/api/admin/users/" + target + "/enable", null, 200));
    }

    @Test
    void shouldLetAdminsUseEveryAdminEndpoint() {
        String token = users.admin().accessToken();
        for (Endpoint endpoint : endpoints(token)) {
            ApiResponse response = endpoint.call(api, token);
            assertThat(response.status())
                    .as("%s %s: %s", endpoint.method(), endpoint.path(), response)
                    .isEqualTo(endpoint.adminStatus());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.DOCTOR, Roles.PATIENT, Roles.ANALYSIS_SERVICE})
    void shouldForbidAdminEndpointsWhenCallerIsNotAnAdmin(String role) {
        TestUsers.Account caller = users.withRoles(role);
        for (Endpoint endpoint : endpoints(null)) {
            ApiResponse response = endpoint.call(api, caller.accessToken());
            assertThat(response.status())
                    .as("%s as %s %s", role, endpoint.method(), endpoint.path())
                    .isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void shouldRequireAuthenticationForEveryAdminEndpoint() {
        for (Endpoint endpoint : endpoints(null)) {
            ApiResponse response = endpoint.call(api, null);
            assertThat(response.status())
                    .as("anonymous %s %s", endpoint.method(), endpoint.path())
                    .isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    private String customRole(String adminToken) {
        return api.post("/api/admin/roles")
                .token(adminToken)
                .json(Map.of("name", AdminRolesIntegrationTests.uniqueName("M"), "permissions", List.of("users:read")))
                .send()
                .text("id");
    }
}
