package com.clinicrecords.patients.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What any signed-in user may know about a doctor: name and specialization, nothing else. */
public record DoctorSummary(
        UUID id,
        String firstName,
        String lastName,
        @Nullable UUID specializationId,
        @Nullable String specializationName) {}
