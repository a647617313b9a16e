package com.clinicrecords.shared.web.openapi;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The error responses of the document: one reusable response per status, each with a Problem example. */
final class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** status -> (component name, problem type slug, title, description of when it happens). */
    record Kind(String name, String slug, String title, String description) {}

    static final Map<Integer, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put(400, new Kind("BadRequest", "validation-failed", "Validation failed", "Invalid input"));
        KINDS.put(
                401,
                new Kind(
                        "Unauthorized",
                        "unauthorized",
                        "Unauthorized",
                        "Missing, invalid or expired access token (or wrong credentials)"));
        KINDS.put(403, new Kind("Forbidden", "forbidden", "Forbidden", "Not allowed for this account"));
        KINDS.put(404, new Kind("NotFound", "not-found", "Not found", "Not found, or not visible to this account"));
        KINDS.put(409, new Kind("Conflict", "conflict", "Conflict", "Conflicts with existing data or another change"));
        KINDS.put(
                412,
                new Kind(
                        "PreconditionFailed",
                        "precondition-failed",
                        "Precondition failed",
                        "The If-Match ETag (or version) is stale: reload and retry"));
        KINDS.put(
                413,
                new Kind("PayloadTooLarge", "payload-too-large", "Payload too large", "The request body is too large"));
        KINDS.put(
                415,
                new Kind(
                        "UnsupportedMediaType",
                        "unsupported-media-type",
                        "Unsupported media type",
                        "The body's Content-Type (or content) is not accepted"));
        KINDS.put(
                416,
                new Kind(
                        "RangeNotSatisfiable",
                        "range-not-satisfiable",
                        "Range not satisfiable",
                        "The Range lies outside the file; Content-Range tells its size"));
        KINDS.put(
                422,
                new Kind(
                        "UnprocessableContent",
                        "rule-violation",
                        "Rule violation",
                        "Well-formed, but breaks a business rule"));
        KINDS.put(
                428,
                new Kind(
                        "PreconditionRequired",
                        "precondition-required",
                        "Precondition required",
                        "Send the record's ETag in If-Match"));
        KINDS.put(
                429,
                new Kind(
                        "TooManyRequests",
                        "too-many-requests",
                        "Too many requests",
                        "Throttled: wait for Retry-After seconds"));
        KINDS.put(500, new Kind("InternalError", "internal-error", "Internal server error", "Unexpected error"));
        KINDS.put(
                503,
                new Kind(
                        "ServiceUnavailable",
                        "service-unavailable",
                        "Service unavailable",
                        "Database or dependency temporarily unavailable; retry after Retry-After seconds"));
    }

    private ProblemResponses() {}

    static String ref(int status) {
        return "#/components/responses/" + KINDS.get(status).name();
    }

    /** The reusable response for one status. */
    static ApiResponse component(int status) {
        Kind kind = KINDS.get(status);
        ApiResponse response = new ApiResponse().description(kind.description()).content(content(status));
        response.addHeaderObject(
                "X-Request-Id",
                new Header()
                        .description("Id of this request, also in the body and the server's logs")
                        .schema(new StringSchema()));
        if (status == 429 || status == 503) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header().description("Seconds to wait before retrying").schema(new IntegerSchema()));
        }
        if (status == 401) {
            response.addHeaderObject(
                    "WWW-Authenticate", new Header().description("Bearer").schema(new StringSchema()));
        }
        if (status == 416) {
            response.addHeaderObject(
                    "Content-Range",
                    new Header().description("bytes */<size of the file>").schema(new StringSchema()));
        }
        return response;
    }

    /** Problem content with an example for the status (also used for statuses declared with @ApiResponse). */
    static Content content(int status) {
        Kind kind = KINDS.get(status);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "/problems/" + (kind == null ? "error" : kind.slug()));
        example.put("title", kind == null ? "Error" : kind.title());
        example.put("status", status);
        example.put("detail", kind == null ? "The request failed" : kind.description());
        if (status == 400) {
            example.put("errors", List.of(Map.of("field", "email", "message", "must be a well-formed email address")));
        }
        if (status == 413) {
            example.put("maxBytes", 1048576);
        }
        if (status == 429) {
            example.put("retryAfterSeconds", 60);
        }
        example.put("timestamp", "2026-11-23T10:00:00Z");
        example.put("requestId", "3f6c2a9e-4c1b-4a8e-9d1e-2b7f0c5a6d11");
        return new Content()
                .addMediaType(
                        PROBLEM_JSON,
                        new MediaType()
                                .schema(new Schema<>().$ref(PROBLEM_REF))
                                .addExamples(kind == null ? "problem" : kind.slug(), new Example().value(example)));
    }
}
