package com.clinicrecords.support;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** A real HTTP response: status, headers and the body parsed as JSON (missing node when not JSON). */
public record ApiResponse(int status, HttpHeaders headers, String raw, JsonNode json) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    /** Shortcut for {@code json.path(field).asString()}. */
    public String text(String field) {
        return json.path(field).asString();
    }

    @Override
    public String toString() {
        return status + " " + raw;
    }
}
