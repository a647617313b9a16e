package com.clinicrecords.patients.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A patient record as the patient, their linked doctors and admins see it; {@code version} is also the ETag. */
public record PatientView(
        UUID id,
        @Nullable UUID userId,
        String firstName,
        String lastName,
        @Nullable LocalDate dateOfBirth,
        @Nullable Gender gender,
        @Nullable String insuranceNumber,
        @Nullable String room,
        @Nullable String bed,
        @Nullable String diagnosis,
        @Nullable String prescribedMedicine,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static PatientView of(Patient p) {
        return new PatientView(
                p.getId(),
                p.getUserId(),
                p.getFirstName(),
                p.getLastName(),
                p.getDateOfBirth(),
                p.getGender(),
                p.getInsuranceNumber(),
                p.getRoom(),
                p.getBed(),
                p.getDiagnosis(),
                p.getPrescribedMedicine(),
                p.getCreatedAt(),
                p.getUpdatedAt(),
                p.getVersion());
    }
}
