package com.clinicrecords.patients.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient's record. {@code userId} is the patient's own login, if they have one. Records are never
 * hard-deleted: {@link #softDelete} keeps who, when and why.
 */
@Entity
@Table(name = "patients")
public class Patient extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private UUID userId;
    private String firstName;
    private String lastName;
    private LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(16)")
    private Gender gender;

    private String insuranceNumber;
    private String room;
    private String bed;
    private String diagnosis;
    private String prescribedMedicine;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    private Instant deletedAt;
    private UUID deletedBy;
    private String deleteReason;

    protected Patient() {}

    public Patient(UUID userId, String firstName, String lastName, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.firstName = firstName;
        this.lastName = lastName;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void updateDemographics(
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            Gender gender,
            String insuranceNumber,
            Instant now) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.dateOfBirth = dateOfBirth;
        this.gender = gender;
        this.insuranceNumber = insuranceNumber;
        this.updatedAt = now;
    }

    public void updateClinical(String room, String bed, String diagnosis, String prescribedMedicine, Instant now) {
        this.room = room;
        this.bed = bed;
        this.diagnosis = diagnosis;
        this.prescribedMedicine = prescribedMedicine;
        this.updatedAt = now;
    }

    public void softDelete(UUID by, String reason, Instant now) {
        this.deletedAt = now;
        this.deletedBy = by;
        this.deleteReason = reason;
        this.updatedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public Gender getGender() {
        return gender;
    }

    public String getInsuranceNumber() {
        return insuranceNumber;
    }

    public String getRoom() {
        return room;
    }

    public String getBed() {
        return bed;
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

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public UUID getDeletedBy() {
        return deletedBy;
    }

    public String getDeleteReason() {
        return deleteReason;
    }
}
