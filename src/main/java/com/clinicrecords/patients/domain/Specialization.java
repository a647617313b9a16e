package com.clinicrecords.patients.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An entry of the managed list of medical specializations a doctor profile can name. */
@Entity
@Table(name = "specializations")
public class Specialization extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private String name;
    private Instant createdAt;

    protected Specialization() {}

    public Specialization(String name, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.createdAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
