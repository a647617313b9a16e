package com.clinicrecords.appointments.domain;

import java.time.Instant;
import java.util.UUID;

/** Optional filters of the appointment list; all null means "everything the caller may see". */
public record AppointmentSearch(UUID doctorId, UUID patientId, Instant from, Instant to, AppointmentStatus status) {}
