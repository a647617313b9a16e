package com.clinicrecords.patients.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of the admin patient directory: identification and insurance, no clinical fields. */
public record PatientDirectoryEntry(
        UUID id,
        @Nullable UUID userId,
        String firstName,
        String lastName,
        @Nullable LocalDate dateOfBirth,
        @Nullable Gender gender,
        @Nullable String insuranceNumber) {}
