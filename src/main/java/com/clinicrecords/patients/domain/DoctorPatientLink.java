package com.clinicrecords.patients.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Grants one doctor access to one patient's records while {@code removedAt} is null. */
@Entity
@Table(name = "doctor_patient_links")
public class DoctorPatientLink {

    @EmbeddedId
    private Key id;

    private Instant linkedAt;
    private UUID linkedBy;
    private Instant removedAt;
    private UUID removedBy;

    protected DoctorPatientLink() {}

    public DoctorPatientLink(UUID doctorId, UUID patientId, UUID linkedBy, Instant now) {
        this.id = new Key(doctorId, patientId);
        this.linkedBy = linkedBy;
        this.linkedAt = now;
    }

    public boolean isActive() {
        return removedAt == null;
    }

    public void relink(UUID by, Instant now) {
        this.linkedAt = now;
        this.linkedBy = by;
        this.removedAt = null;
        this.removedBy = null;
    }

    public void remove(UUID by, Instant now) {
        this.removedAt = now;
        this.removedBy = by;
    }

    public UUID getDoctorId() {
        return id.doctorId;
    }

    public UUID getPatientId() {
        return id.patientId;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }

    public UUID getLinkedBy() {
        return linkedBy;
    }

    public Instant getRemovedAt() {
        return removedAt;
    }

    public UUID getRemovedBy() {
        return removedBy;
    }

    @Embeddable
    public record Key(UUID doctorId, UUID patientId) implements Serializable {}
}
