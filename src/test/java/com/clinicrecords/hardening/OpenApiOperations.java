package com.clinicrecords.hardening;

import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The operations of the live OpenAPI document, for tests that must cover every endpoint automatically. */
final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private OpenApiOperations() {}

    static List<Operation> load(ApiClient api) {
        ApiResponse docs = api.get("/v3/api-docs").send();
        if (docs.status() != 200) {
            throw new IllegalStateException("OpenAPI document not available: " + docs);
        }
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.json().path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (!op.isMissingNode()) {
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), op, docs.json()));
                }
            }
        }
        return operations;
    }

    /** One documented operation: method, path template and its OpenAPI node. */
    record Operation(String method, String path, JsonNode node, JsonNode document) {

        String key() {
            return method + " " + path;
        }

        boolean hasJsonBody() {
            return node.path("requestBody").path("content").has("application/json");
        }

        JsonNode jsonBodySchema() {
            return resolve(node.path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema"));
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> result = new ArrayList<>();
            for (JsonNode p : node.path("parameters")) {
                if (in.equals(p.path("in").asString())) {
                    result.add(p);
                }
            }
            return result;
        }

        JsonNode resolve(JsonNode schema) {
            String ref = schema.path("$ref").asString("");
            return ref.startsWith("#/") ? document.at(ref.substring(1)) : schema;
        }
    }
}
