package com.clinicrecords.patients.domain;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** Published inside the soft-delete transaction, so listeners' changes commit or roll back with it. */
@NamedInterface("api")
public record PatientDeletedEvent(UUID patientId, UUID deletedBy) {}
