package com.clinicrecords.patients.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A row of the admin patient directory: identification and insurance, no clinical fields. */
public record PatientDirectoryEntry(
        UUID id,
        UUID userId,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        Gender gender,
        String insuranceNumber) {}
