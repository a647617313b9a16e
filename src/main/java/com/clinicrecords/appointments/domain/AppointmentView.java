package com.clinicrecords.appointments.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An appointment as its patient, its doctor, linked doctors and admins see it; version is also the ETag. */
public record AppointmentView(
        UUID id,
        UUID doctorId,
        UUID patientId,
        Instant startsAt,
        Instant endsAt,
        AppointmentStatus status,
        @Nullable String reason,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant cancelledAt,
        long version) {

    static AppointmentView of(Appointment a) {
        return new AppointmentView(
                a.getId(),
                a.getDoctorId(),
                a.getPatientId(),
                a.getStartsAt(),
                a.getEndsAt(),
                a.getStatus(),
                a.getReason(),
                a.getCreatedAt(),
                a.getUpdatedAt(),
                a.getCancelledAt(),
                a.getVersion());
    }
}
