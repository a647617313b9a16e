package com.clinicrecords.hardening;

import com.clinicrecords.hardening.OpenApiOperations.Operation;
import com.clinicrecords.imaging.TestFiles;
import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/** Turns one documented operation into a concrete request for one caller. */
final class MatrixCalls {

    private MatrixCalls() {}

    static ApiResponse call(ApiClient api, MatrixWorld world, Operation op, String role, String bodyTemplate) {
        String path = world.path(op.path()) + requiredQuery(world, op);
        ApiClient.Call call = api.method(op.method(), path).token(world.token(role));
        if ("PUT".equals(op.method()) || "PATCH".equals(op.method())) {
            call.header("If-Match", "\"0\""); // fixtures are fresh: version 0 (a stale one would be 412)
        }
        if ("png".equals(bodyTemplate)) {
            call.header("X-Filename", "scan.png").bytes(TestFiles.png(3000), "image/png");
        } else if (bodyTemplate != null && bodyTemplate.startsWith("form:")) {
            call.bytes(
                    world.fill(bodyTemplate.substring(5)).getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded");
        } else if (bodyTemplate != null) {
            call.json(world.fill(bodyTemplate));
        } else if (op.hasJsonBody()) {
            call.json("{}");
        }
        return call.send();
    }

    /** Required query parameters get a plausible value from their schema (a window of dates, a UUID...). */
    static String requiredQuery(MatrixWorld world, Operation op) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (JsonNode p : op.parameters("query")) {
            if (p.path("required").asBoolean(false)) {
                String name = p.path("name").asString();
                query.add(name + "="
                        + URLEncoder.encode(sample(world, name, op.resolve(p.path("schema"))), StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    private static String sample(MatrixWorld world, String name, JsonNode schema) {
        String format = schema.path("format").asString("");
        if ("date-time".equals(format)) {
            return world.vars.get("to".equals(name) ? "to" : "from");
        }
        if ("uuid".equals(format)) {
            return world.vars.get("patientId");
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asString();
        }
        return switch (schema.path("type").asString("")) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> "x";
        };
    }
}
