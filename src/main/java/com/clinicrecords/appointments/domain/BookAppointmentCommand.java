package com.clinicrecords.appointments.domain;

import java.time.Instant;
import java.util.UUID;

public record BookAppointmentCommand(UUID doctorId, UUID patientId, Instant startsAt, Instant endsAt, String reason) {}
