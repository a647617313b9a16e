package com.clinicrecords.hardening;

import com.clinicrecords.hardening.OpenApiOperations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Hostile variants of a request, derived from the operation's OpenAPI description. */
final class BadInputs {

    static final String INJECTION = "' OR '1'='1'; DROP TABLE users; -- <script>alert(1)</script> ${jndi:ldap://x/a} "
            + "{{7*7}} \u0000 ../../etc/passwd";
    static final String HUGE_NUMBER = "99999999999999999999999999";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BadInputs() {}

    /** Broken JSON bodies: syntax errors, wrong shapes, wrong types, nulls, huge strings, odd numbers. */
    static Map<String, String> bodies(Operation op) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed", "{\"a\": ");
        bodies.put("array instead of object", "[1, 2, 3]");
        bodies.put("bare string", "\"hello\"");
        bodies.put("deeply nested", "[".repeat(5000) + "]".repeat(5000));
        JsonNode schema = op.jsonBodySchema();
        if (!schema.path("properties").isObject()) {
            return bodies;
        }
        bodies.put("wrong types", each(op, schema, p -> switch (type(op, p)) {
            case "string" -> "{\"nested\": true}";
            case "integer", "number" -> "\"abc\"";
            case "boolean" -> "\"maybe\"";
            case "array" -> "\"not-a-list\"";
            default -> "12345";
        }));
        bodies.put("nulls", each(op, schema, p -> "null"));
        bodies.put(
                "oversized strings",
                each(op, schema, p -> "string".equals(type(op, p)) ? quote("x".repeat(100_000)) : sample(op, p)));
        bodies.put(
                "injection strings",
                each(op, schema, p -> "string".equals(type(op, p)) ? quote(INJECTION) : sample(op, p)));
        bodies.put("negative numbers", each(op, schema, p -> isNumber(op, p) ? "-1" : sample(op, p)));
        bodies.put("huge numbers", each(op, schema, p -> isNumber(op, p) ? HUGE_NUMBER : sample(op, p)));
        bodies.put("bad uuids and dates", each(op, schema, p -> switch (op.resolve(p)
                .path("format")
                .asString("")) {
            case "uuid" -> "\"not-a-uuid\"";
            case "date-time", "date" -> "\"2026-13-45T99:99:99Z\"";
            default -> sample(op, p);
        }));
        return bodies;
    }

    /** Path variants: every {variable} replaced by something that is not a valid id. */
    static List<String> badIds() {
        return List.of(
                "not-a-uuid",
                "00000000-0000-0000-0000-00000000000G",
                "1%27%20OR%201%3D1--",
                "-1",
                "99999999999999999999",
                "%3Cscript%3E",
                "x".repeat(300));
    }

    static List<String> badQueryValues() {
        return List.of("abc", "-1", HUGE_NUMBER, "1%27%20OR%20%271%27%3D%271", "", "2026-13-45T99:99:99Z");
    }

    private static String each(Operation op, JsonNode schema, Function<JsonNode, String> value) {
        List<String> fields = new ArrayList<>();
        schema.path("properties")
                .properties()
                .forEach(e -> fields.add(quote(e.getKey()) + ": " + value.apply(e.getValue())));
        return "{" + String.join(", ", fields) + "}";
    }

    private static String sample(Operation op, JsonNode property) {
        JsonNode p = op.resolve(property);
        if (p.has("enum")) {
            return quote(p.path("enum").get(0).asString());
        }
        return switch (type(op, property)) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            case "array" -> "[]";
            case "object" -> "{}";
            default ->
                switch (p.path("format").asString("")) {
                    case "uuid" -> quote("00000000-0000-0000-0000-000000000000");
                    case "date-time" -> quote("2030-01-01T10:00:00Z");
                    case "date" -> quote("2000-01-01");
                    case "email" -> quote("someone@example.test");
                    default -> quote("text");
                };
        };
    }

    private static boolean isNumber(Operation op, JsonNode p) {
        String t = type(op, p);
        return "integer".equals(t) || "number".equals(t);
    }

    private static String type(Operation op, JsonNode property) {
        JsonNode p = op.resolve(property);
        JsonNode type = p.path("type");
        return type.isArray() ? type.get(0).asString() : type.asString("object");
    }

    private static String quote(String s) {
        return JSON.writeValueAsString(s);
    }
}
