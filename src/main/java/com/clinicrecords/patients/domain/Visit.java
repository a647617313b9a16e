package com.clinicrecords.patients.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One visit in a patient's history, written by a linked doctor. Immutable once recorded. */
@Entity
@Table(name = "visits")
public class Visit extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private UUID patientId;
    private UUID doctorId;
    private Instant visitedAt;
    private String notes;
    private String diagnosis;
    private String prescribedMedicine;
    private Instant createdAt;
    private UUID createdBy;

    protected Visit() {}

    public Visit(
            UUID patientId,
            UUID doctorId,
            Instant visitedAt,
            String notes,
            String diagnosis,
            String prescribedMedicine,
            UUID createdBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.patientId = patientId;
        this.doctorId = doctorId;
        this.visitedAt = visitedAt;
        this.notes = notes;
        this.diagnosis = diagnosis;
        this.prescribedMedicine = prescribedMedicine;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPatientId() {
        return patientId;
    }

    public UUID getDoctorId() {
        return doctorId;
    }

    public Instant getVisitedAt() {
        return visitedAt;
    }

    public String getNotes() {
        return notes;
    }

    public String getDiagnosis() {
        return diagnosis;
    }

    public String getPrescribedMedicine() {
        return prescribedMedicine;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public UUID getCreatedBy() {
        return createdBy;
    }
}
