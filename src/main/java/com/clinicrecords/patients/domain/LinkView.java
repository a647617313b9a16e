package com.clinicrecords.patients.domain;

import java.time.Instant;
import java.util.UUID;

public record LinkView(UUID doctorId, UUID patientId, Instant linkedAt, boolean active) {

    static LinkView of(DoctorPatientLink l) {
        return new LinkView(l.getDoctorId(), l.getPatientId(), l.getLinkedAt(), l.isActive());
    }
}
