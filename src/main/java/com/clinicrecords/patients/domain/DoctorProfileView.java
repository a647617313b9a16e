package com.clinicrecords.patients.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A doctor profile as its owner and admins see it. */
public record DoctorProfileView(
        UUID id,
        UUID userId,
        String firstName,
        String lastName,
        @Nullable UUID specializationId,
        @Nullable String specializationName,
        Instant createdAt) {

    static DoctorProfileView of(Doctor d, DoctorSummary s) {
        return new DoctorProfileView(
                d.getId(),
                d.getUserId(),
                s.firstName(),
                s.lastName(),
                s.specializationId(),
                s.specializationName(),
                d.getCreatedAt());
    }
}
