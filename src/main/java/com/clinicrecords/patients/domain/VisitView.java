package com.clinicrecords.patients.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record VisitView(
        UUID id,
        UUID patientId,
        UUID doctorId,
        Instant visitedAt,
        String notes,
        @Nullable String diagnosis,
        @Nullable String prescribedMedicine,
        Instant createdAt) {

    static VisitView of(Visit v) {
        return new VisitView(
                v.getId(),
                v.getPatientId(),
                v.getDoctorId(),
                v.getVisitedAt(),
                v.getNotes(),
                v.getDiagnosis(),
                v.getPrescribedMedicine(),
                v.getCreatedAt());
    }
}
