package com.clinicrecords.patients.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A doctor profile as its owner and admins see it; {@code version} is also the ETag. */
public record DoctorProfileView(
        UUID id,
        UUID userId,
        String firstName,
        String lastName,
        @Nullable UUID specializationId,
        @Nullable String specializationName,
        boolean active,
        @Nullable Instant deactivatedAt,
        Instant createdAt,
        long version) {

    static DoctorProfileView of(Doctor d, DoctorSummary s) {
        return new DoctorProfileView(
                d.getId(),
                d.getUserId(),
                s.firstName(),
                s.lastName(),
                s.specializationId(),
                s.specializationName(),
                d.isActive(),
                d.getDeactivatedAt(),
                d.getCreatedAt(),
                d.getVersion());
    }
}
