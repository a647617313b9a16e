package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.hardening.OpenApiOperations.Operation;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * C-01 / API4: every paged list in the OpenAPI document caps the page size at 100: a larger size is either
 * refused (400) or clamped (at most 100 items and a reported size of at most 100), never honoured.
 */
class PaginationCapsIntegrationTests extends IntegrationTest {

    private static final List<String> PAGE_SIZE_PARAMS = List.of("size", "limit", "pageSize");

    @Test
    void shouldRefusePageSizesAboveTheCapOnEveryPagedList() throws IOException {
        Map<String, Map<String, String>> matrix = MatrixTable.load();
        MatrixWorld world = new MatrixWorld(api, users);
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Operation op : OpenApiOperations.load(api)) {
            if (!"GET".equals(op.method())) {
                continue;
            }
            for (var param : op.parameters("query")) {
                String name = param.path("name").asString();
                if (!PAGE_SIZE_PARAMS.contains(name)) {
                    continue;
                }
                String role = List.of("admin", "linked_doctor", "patient").stream()
                        .filter(r -> MatrixTable.matches(matrix.get(op.key()).get(r), 200))
                        .findFirst()
                        .orElseThrow();
                String query = MatrixCalls.requiredQuery(world, op);
                String path = world.path(op.path()) + (query.isEmpty() ? "?" : query + "&");
                ApiResponse ok =
                        api.get(path + name + "=100").token(world.token(role)).send();
                ApiResponse tooBig = api.get(path + name + "=100000")
                        .token(world.token(role))
                        .send();
                checked.add(op.key());
                if (ok.status() != 200 || !(tooBig.status() == 400 || clamped(tooBig))) {
                    failures.add(op.key() + " as " + role + ": " + name + "=100 -> " + ok.status() + ", " + name
                            + "=100000 -> " + tooBig);
                }
            }
        }
        assertThat(checked).as("paged lists found in the OpenAPI document").isNotEmpty();
        assertThat(failures).isEmpty();
    }

    private static boolean clamped(ApiResponse response) {
        var items = response.json().has("items")
                ? response.json().path("items")
                : response.json().path("content");
        return response.status() == 200
                && items.isArray()
                && items.size() <= 100
                && response.json().path("size").asInt(0) <= 100;
    }
}
