package com.clinicrecords.patients.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A doctor profile, owned by one user account. */
@Entity
@Table(name = "doctors")
public class Doctor extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private UUID userId;
    private UUID specializationId;
    private boolean active = true;
    private Instant deactivatedAt;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Doctor() {}

    public Doctor(UUID userId, UUID specializationId, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.specializationId = specializationId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void changeSpecialization(UUID specializationId, Instant now) {
        this.specializationId = specializationId;
        this.updatedAt = now;
    }

    /** Hidden from the doctor list, not bookable, no access through links; returns false if already so. */
    public boolean deactivate(Instant now) {
        if (!active) {
            return false;
        }
        this.active = false;
        this.deactivatedAt = now;
        this.updatedAt = now;
        return true;
    }

    public boolean reactivate(Instant now) {
        if (active) {
            return false;
        }
        this.active = true;
        this.deactivatedAt = null;
        this.updatedAt = now;
        return true;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public UUID getSpecializationId() {
        return specializationId;
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
}
