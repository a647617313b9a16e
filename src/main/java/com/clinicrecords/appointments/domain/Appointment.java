package com.clinicrecords.appointments.domain;

import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One appointment of a patient with a doctor, [startsAt, endsAt) in UTC. */
@Entity
@Table(name = "appointments")
public class Appointment extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private UUID doctorId;
    private UUID patientId;
    private Instant startsAt;
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(16)")
    private AppointmentStatus status;

    private String reason;
    private Instant createdAt;
    private UUID createdBy;
    private Instant updatedAt;
    private Instant cancelledAt;
    private UUID cancelledBy;
    private Instant reminderSentAt;

    @Version
    private long version;

    protected Appointment() {}

    public Appointment(
            UUID doctorId,
            UUID patientId,
            Instant startsAt,
            Instant endsAt,
            String reason,
            UUID createdBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.doctorId = doctorId;
        this.patientId = patientId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.reason = reason;
        this.status = AppointmentStatus.BOOKED;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void reschedule(Instant newStart, Instant newEnd, String newReason, Instant now) {
        if (!AppointmentStatus.OPEN.contains(status)) {
            throw illegal("rescheduled");
        }
        this.startsAt = newStart;
        this.endsAt = newEnd;
        this.reason = newReason;
        this.updatedAt = now;
    }

    /** Throws 409 {@code illegal-status-transition} unless the lifecycle allows moving to {@code target}. */
    public void requireCanTransitionTo(AppointmentStatus target) {
        if (!status.canTransitionTo(target)) {
            throw illegal("moved to " + target);
        }
    }

    public void transitionTo(AppointmentStatus target, UUID by, Instant now) {
        requireCanTransitionTo(target);
        this.status = target;
        this.updatedAt = now;
        if (target == AppointmentStatus.CANCELLED) {
            this.cancelledAt = now;
            this.cancelledBy = by;
        }
    }

    public void markReminderSent(Instant now) {
        this.reminderSentAt = now;
    }

    private ConflictException illegal(String what) {
        return new ConflictException(
                "illegal-status-transition",
                "A " + status + " appointment cannot be " + what,
                Map.of("status", status.name()));
    }

    public UUID getId() {
        return id;
    }

    public UUID getDoctorId() {
        return doctorId;
    }

    public UUID getPatientId() {
        return patientId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public AppointmentStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public UUID getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public Instant getReminderSentAt() {
        return reminderSentAt;
    }

    public long getVersion() {
        return version;
    }
}
