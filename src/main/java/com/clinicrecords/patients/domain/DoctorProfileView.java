package com.clinicrecords.patients.domain;

import java.time.Instant;
import java.util.UUID;

/** A doctor profile as its owner and admins see it. */
public record DoctorProfileView(
        UUID id,
        UUID userId,
        String firstName,
        String lastName,
        UUID specializationId,
        String specializationName,
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
