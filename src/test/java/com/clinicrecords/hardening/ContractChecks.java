package com.clinicrecords.hardening;

import com.clinicrecords.hardening.OpenApiOperations.Operation;
import com.clinicrecords.support.ApiResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks one real response against the live OpenAPI document: a success status the document does not list
 * (e.g. a handler that answers 201 documented as 200) and a {@code required} property missing from the body
 * (a component the document calls non-null that the API leaves out). Fed by the authorization matrix, which
 * calls every operation as every kind of caller.
 */
final class ContractChecks {

    private ContractChecks() {}

    static void check(Operation op, String role, ApiResponse response, List<String> violations) {
        int status = response.status();
        if (status < 200 || status >= 300) {
            return;
        }
        JsonNode documented = op.node().path("responses").path(String.valueOf(status));
        if (documented.isMissingNode()) {
            List<String> listed = op.node().path("responses").propertyNames().stream()
                    .filter(k -> k.startsWith("2"))
                    .toList();
            violations.add(op.key() + " as " + role + " answered " + status + " but the document lists " + listed);
            return;
        }
        JsonNode schema = documented.path("content").path("application/json").path("schema");
        if (!schema.isMissingNode() && !response.json().isMissingNode()) {
            missingRequired(op, response.json(), schema, "body", violations, role);
        }
    }

    private static void missingRequired(
            Operation op, JsonNode value, JsonNode schema, String path, List<String> violations, String role) {
        JsonNode resolved = op.resolve(schema);
        if (value.isObject()) {
            for (JsonNode name : resolved.path("required")) {
                if (!value.has(name.asString())) {
                    violations.add(
                            op.key() + " as " + role + ": required " + path + "." + name.asString() + " is missing");
                }
            }
            for (Map.Entry<String, JsonNode> property :
                    resolved.path("properties").properties()) {
                if (value.has(property.getKey())) {
                    missingRequired(
                            op,
                            value.get(property.getKey()),
                            property.getValue(),
                            path + "." + property.getKey(),
                            violations,
                            role);
                }
            }
        } else if (value.isArray() && resolved.has("items")) {
            for (int i = 0; i < Math.min(3, value.size()); i++) {
                missingRequired(op, value.get(i), resolved.path("items"), path + "[" + i + "]", violations, role);
            }
        }
    }
}
