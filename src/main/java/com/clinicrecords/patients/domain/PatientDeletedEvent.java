package com.clinicrecords.patients.domain;

import java.util.UUID;

/** Published inside the soft-delete transaction, so listeners' changes commit or roll back with it. */
public record PatientDeletedEvent(UUID patientId, UUID deletedBy) {}
