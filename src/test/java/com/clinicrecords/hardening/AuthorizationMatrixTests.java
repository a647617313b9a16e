package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.clinicrecords.hardening.OpenApiOperations.Operation;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Z-03 / API5: every operation of the live OpenAPI document, called as every kind of caller, must answer with
 * the status class checked in to {@code authorization-matrix.csv}. A new endpoint without a row fails the
 * build, naming it. Values: 2xx, 4xx, a code (401, 403, 404...), alternatives with "|", "ok" (got past
 * authorization: 2xx or a 4xx other than 401/403/404) or "any". Never a 5xx.
 * Run with -Dmatrix.record=true to write the observed table to target/ for review. Every success response is
 * also checked against the live document ({@link ContractChecks}): its status is documented and its
 * required fields are there.
 */
class AuthorizationMatrixTests extends IntegrationTest {

    /** Writes that change nothing later calls depend on: no fixture rebuild after them. */
    private static final Set<String> HARMLESS = Set.of(
            "POST /api/auth/login",
            "POST /api/auth/token",
            "POST /api/auth/register",
            "POST /api/auth/password/forgot",
            "POST /api/users/me/email-verification",
            "PUT /api/users/me",
            "DELETE /api/users/me/sessions",
            "POST /api/admin/users",
            "PUT /api/admin/users/{id}/roles",
            "POST /api/admin/users/{id}/disable",
            "POST /api/admin/users/{id}/enable",
            "POST /api/admin/users/{id}/temporary-password",
            "POST /api/admin/doctors",
            "POST /api/admin/patients",
            "POST /api/admin/roles",
            "POST /api/admin/specializations",
            "POST /api/admin/service-clients",
            "POST /api/analysis/jobs/claim",
            "POST /api/users/me/email",
            "POST /api/admin/doctors/{id}/reactivate",
            "POST /api/admin/news");
    /** Writes that end the caller's session or change who may see patient A: a whole new clinic after them. */
    private static final Set<String> REBUILD = Set.of(
            "POST /api/auth/logout",
            "POST /api/users/me/password",
            "DELETE /api/patients/{id}",
            "POST /api/admin/links",
            "DELETE /api/admin/links/{doctorId}/{patientId}",
            "POST /api/admin/doctors/{id}/deactivate");

    @Test
    void shouldAnswerEveryOperationForEveryRoleAsTheMatrixSays() throws IOException {
        boolean record = Boolean.getBoolean("matrix.record");
        List<Operation> operations = OpenApiOperations.load(api);
        Map<String, Map<String, String>> matrix = MatrixTable.load();
        List<String> missing = operations.stream()
                .map(Operation::key)
                .filter(k -> !matrix.containsKey(k))
                .toList();
        if (!missing.isEmpty() && !record) {
            fail("Operations in the OpenAPI document without a row in authorization-matrix.csv: " + missing);
        }
        List<String> stale = matrix.keySet().stream()
                .filter(k -> operations.stream().noneMatch(o -> o.key().equals(k)))
                .toList();
        assertThat(stale).as("rows for operations that no longer exist").isEmpty();

        Map<String, String> bodies = MatrixTable.bodies();
        Map<String, Map<String, Integer>> observed = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        List<String> contract = new ArrayList<>();
        MatrixWorld world = null;
        for (Operation op : operations) {
            for (String role : MatrixWorld.ROLES) {
                if (world == null) {
                    world = new MatrixWorld(api, users);
                }
                ApiResponse response = MatrixCalls.call(api, world, op, role, bodies.get(op.key()));
                observed.computeIfAbsent(op.key(), k -> new LinkedHashMap<>()).put(role, response.status());
                ContractChecks.check(op, role, response, contract);
                String expected = matrix.getOrDefault(op.key(), Map.of()).get(role);
                if (!MatrixTable.matches(expected, response.status())) {
                    mismatches.add(op.key() + " as " + role + ": expected " + expected + " got " + response);
                }
                if (!"GET".equals(op.method()) && response.status() < 300 && !HARMLESS.contains(op.key())) {
                    if (REBUILD.contains(op.key())) {
                        world = null;
                    } else {
                        world.resetResources();
                    }
                }
            }
        }
        if (record) {
            Files.writeString(Path.of("target", "authorization-matrix.observed.csv"), MatrixTable.render(observed));
            return;
        }
        assertThat(mismatches).as("authorization matrix mismatches").isEmpty();
        assertThat(contract)
                .as("responses the OpenAPI document does not describe (status or required fields)")
                .isEmpty();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = AuthorizationMatrixTests.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
