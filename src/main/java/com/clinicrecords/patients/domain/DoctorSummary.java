package com.clinicrecords.patients.domain;

import java.util.UUID;

/** What any signed-in user may know about a doctor: name and specialization, nothing else. */
public record DoctorSummary(
        UUID id, String firstName, String lastName, UUID specializationId, String specializationName) {}
