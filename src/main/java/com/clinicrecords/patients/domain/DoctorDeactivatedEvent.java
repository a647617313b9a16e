package com.clinicrecords.patients.domain;

import java.util.UUID;

/**
 * Published inside the deactivation transaction (like {@link PatientDeletedEvent}), so listeners' changes, such
 * as cancelling the doctor's future appointments, commit or roll back with it.
 */
public record DoctorDeactivatedEvent(UUID doctorId, UUID deactivatedBy) {}
