package com.clinicrecords.patients.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of a doctor's patient list: identification only, no clinical fields. */
public record PatientSummary(
        UUID id,
        String firstName,
        String lastName,
        @Nullable LocalDate dateOfBirth,
        @Nullable Gender gender) {}
