package com.clinicrecords.patients.domain;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * Published inside the deactivation transaction (like {@link PatientDeletedEvent}), so listeners' changes, such
 * as cancelling the doctor's future appointments, commit or roll back with it.
 */
@NamedInterface("api")
public record DoctorDeactivatedEvent(UUID doctorId, UUID deactivatedBy) {}
