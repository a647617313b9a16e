package com.clinicrecords.patients.domain;

import java.time.Instant;

/** {@code diagnosis} and {@code prescribedMedicine} are optional; when given they also update the patient. */
public record RecordVisitCommand(Instant visitedAt, String notes, String diagnosis, String prescribedMedicine) {}
