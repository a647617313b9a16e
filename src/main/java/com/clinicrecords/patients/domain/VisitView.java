package com.clinicrecords.patients.domain;

import java.time.Instant;
import java.util.UUID;

public record VisitView(
        UUID id,
        UUID patientId,
        UUID doctorId,
        Instant visitedAt,
        String notes,
        String diagnosis,
        String prescribedMedicine,
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
