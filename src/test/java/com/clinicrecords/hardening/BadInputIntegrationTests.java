package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.hardening.OpenApiOperations.Operation;
import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * C-02/C-03 over the whole API: every documented operation, called by a caller allowed to use it, with broken
 * JSON, wrong types, nulls, 100k strings, odd numbers, injection strings, invalid ids and bad query values.
 * Never a 500, never a stack trace or class name, every error is Problem Details, and a rejected request
 * leaves every table as it was.
 */
class BadInputIntegrationTests extends IntegrationTest {

    /** Preference order for "an authorized caller" of an operation, read from the authorization matrix. */
    private static final List<String> CALLERS = List.of(
            "admin", "linked_doctor", "patient", "analysis_service", "other_patient", "unlinked_doctor", "anonymous");

    private static final List<String> LEAKS = List.of(
            "Exception",
            "at com.",
            "at org.",
            "at java.",
            "org.hibernate",
            "java.lang",
            "tools.jackson",
            "com.fasterxml",
            "org.springframework",
            "SQLState",
            "jdbc:",
            "stacktrace");
    /** Written by rejected requests on purpose (the audit trail, login throttling) or by the framework (Flyway,
     * the scheduled jobs' lock rows). */
    private static final Set<String> MAY_CHANGE =
            Set.of("audit_events", "rate_limit_buckets", "flyway_schema_history", "shedlock");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRejectHostileInputEverywhereWithProblemDetailsAndNoSideEffects() throws IOException {
        Map<String, Map<String, String>> matrix = MatrixTable.load();
        MatrixWorld world = new MatrixWorld(api, users);
        List<String> failures = new ArrayList<>();
        Map<String, Long> baseline = rowCounts();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Operation op : OpenApiOperations.load(api)) {
            String role = caller(matrix.get(op.key()));
            if (role == null
                    || op.key().equals("POST /api/auth/logout")
                    || op.key().equals("POST /api/users/me/password")) {
                continue; // nobody may call it, or it would end the caller's own session
            }
            for (Map.Entry<String, ApiClient.Call> attempt :
                    attempts(world, op, role).entrySet()) {
                ApiResponse response = attempt.getValue().send();
                String label = op.key() + " [" + attempt.getKey() + "] as " + role;
                statuses.merge(response.status(), 1, Integer::sum);
                check(label, response, failures);
                Map<String, Long> now = rowCounts();
                if (response.status() >= 400 && !now.equals(baseline)) {
                    failures.add(
                            label + ": rejected (" + response.status() + ") but changed tables " + diff(baseline, now));
                }
                baseline = now;
            }
        }
        System.out.println("Hostile requests by status: " + statuses);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(500);
        assertThat(failures).as("hostile input handling").isEmpty();
    }

    private Map<String, ApiClient.Call> attempts(MatrixWorld world, Operation op, String role) {
        Map<String, ApiClient.Call> attempts = new LinkedHashMap<>();
        String path = world.path(op.path());
        String query = MatrixCalls.requiredQuery(world, op);
        if (op.hasJsonBody()) {
            BadInputs.bodies(op)
                    .forEach((name, body) -> attempts.put(
                            name, call(op, role, world, path + query).json(body)));
        }
        if (op.path().contains("{")) {
            for (String bad : BadInputs.badIds()) {
                attempts.put(
                        "path id " + bad,
                        call(op, role, world, op.path().replaceAll("\\{[^}]+}", bad) + query)
                                .json("{}"));
            }
        }
        for (var param : op.parameters("query")) {
            for (String bad : BadInputs.badQueryValues()) {
                String sep = query.isEmpty() ? "?" : query + "&";
                attempts.put(
                        "query " + param.path("name").asString() + "=" + bad,
                        call(op, role, world, path + sep + param.path("name").asString() + "=" + bad));
            }
        }
        return attempts;
    }

    private ApiClient.Call call(Operation op, String role, MatrixWorld world, String path) {
        ApiClient.Call call = api.method(op.method(), path).token(world.token(role));
        return "PUT".equals(op.method()) || "PATCH".equals(op.method()) ? call.header("If-Match", "\"0\"") : call;
    }

    private static void check(String label, ApiResponse response, List<String> failures) {
        if (response.status() >= 500) {
            failures.add(label + ": server error " + response);
        }
        if (response.status() >= 400
                && (response.contentType() == null || !response.contentType().startsWith("application/problem+json"))) {
            failures.add(label + ": error without Problem Details " + response.status() + " " + response.contentType());
        }
        for (String leak : LEAKS) {
            if (response.raw().contains(leak)) {
                failures.add(label + ": response leaks '" + leak + "': " + response);
            }
        }
    }

    private static String caller(Map<String, String> expected) {
        if (expected == null) {
            return null;
        }
        return CALLERS.stream()
                .filter(r -> MatrixTable.matches(expected.get(r), 200))
                .findFirst()
                .orElse(null);
    }

    private Map<String, Long> rowCounts() {
        // Reactions to events between modules (e.g. cancellations after a patient was deleted) run after the
        // request that caused them; let them finish first, so they are not counted against the next request.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject("select count(*) from EVENT_PUBLICATION", Long.class) == 0);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : jdbc.queryForList(
                "select table_name from information_schema.tables "
                        + "where table_schema = database() and table_type = 'BASE TABLE' order by table_name",
                String.class)) {
            if (!MAY_CHANGE.contains(table.toLowerCase())) {
                counts.put(table, jdbc.queryForObject("select count(*) from `" + table + "`", Long.class));
            }
        }
        return counts;
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((t, n) -> {
            if (!n.equals(before.get(t))) {
                changed.put(t, before.get(t) + " -> " + n);
            }
        });
        return changed.toString();
    }
}
