package com.clinicrecords.identity.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "roles")
public class Role extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private String name;
    private String description;
    private boolean builtIn;
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_permissions", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "permission")
    private Set<String> permissions = new HashSet<>();

    /**
     * Raised by Hibernate on every change, a change of the permission collection included: callers' permissions
     * are cached per (role, version) (see {@code CallerQueries}). Null until the role is first stored.
     */
    @Version
    private Long version;

    protected Role() {}

    public Role(String name, String description, Set<String> permissions, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.description = description;
        this.permissions = new HashSet<>(permissions);
        this.createdAt = now;
    }

    public void update(String description, Set<String> permissions) {
        this.description = description;
        this.permissions.clear();
        this.permissions.addAll(permissions);
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<String> getPermissions() {
        return permissions;
    }
}
