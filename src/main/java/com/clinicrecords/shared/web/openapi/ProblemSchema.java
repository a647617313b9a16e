package com.clinicrecords.shared.web.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.Instant;
import java.util.List;

/**
 * The documented shape of every error body (RFC 9457 Problem Details plus this API's members). Only used to
 * describe the {@code Problem} schema; the bodies themselves are Spring's {@code ProblemDetail}.
 */
@Schema(name = "Problem", description = "RFC 9457 Problem Details, as application/problem+json")
record ProblemSchema(
        @Schema(
                requiredMode = RequiredMode.REQUIRED,
                description = "Stable identifier of the kind of problem, to branch on",
                example = "/problems/validation-failed")
        String type,

        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Short summary of the kind of problem")
        String title,

        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The HTTP status code", example = "400")
        int status,

        @Schema(description = "What went wrong in this occurrence")
        String detail,

        @Schema(description = "Identifies this occurrence (absent for most problems)")
        String instance,

        @Schema(description = "Matches the X-Request-Id response header and the server's log lines")
        String requestId,

        @Schema(requiredMode = RequiredMode.REQUIRED, description = "When the problem occurred")
        Instant timestamp,

        @Schema(description = "Invalid fields (400 validation-failed)")
        List<FieldError> errors,

        @Schema(description = "413: the largest accepted body in bytes")
        Long maxBytes,

        @Schema(description = "429: seconds to wait, as in the Retry-After header")
        Long retryAfterSeconds) {

    @Schema(name = "ProblemFieldError", description = "One invalid field")
    record FieldError(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Field or parameter name", example = "email")
            String field,

            @Schema(requiredMode = RequiredMode.REQUIRED, example = "must be a well-formed email address")
            String message) {}
}
