package com.clinicrecords.appointments.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request bodies; times are ISO-8601 instants (UTC), e.g. 2026-12-01T09:00:00Z. */
final class AppointmentRequests {

    private AppointmentRequests() {}

    record BookRequest(
            @NotNull UUID doctorId,
            @NotNull UUID patientId,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @Size(max = 500) String reason) {}

    record RescheduleRequest(
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @Size(max = 500) String reason) {}
}
