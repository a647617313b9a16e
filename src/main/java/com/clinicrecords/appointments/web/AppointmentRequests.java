package com.clinicrecords.appointments.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request bodies; times are ISO-8601 instants (UTC), e.g. 2026-12-01T09:00:00Z. */
final class AppointmentRequests {

    private AppointmentRequests() {}

    /* Examples: a future weekday slot (Swagger UI would otherwise offer start = end = now, which is refused). */
    record BookRequest(
            @NotNull UUID doctorId,
            @NotNull UUID patientId,
            @Schema(example = START_EXAMPLE) @NotNull Instant startsAt,
            @Schema(example = END_EXAMPLE) @NotNull Instant endsAt,
            @Schema(example = "Check-up") @Size(max = 500) String reason) {}

    record RescheduleRequest(
            @Schema(example = START_EXAMPLE) @NotNull Instant startsAt,
            @Schema(example = END_EXAMPLE) @NotNull Instant endsAt,
            @Size(max = 500) String reason) {}

    static final String START_EXAMPLE = "2030-01-07T09:00:00Z";
    static final String END_EXAMPLE = "2030-01-07T09:30:00Z";
}
