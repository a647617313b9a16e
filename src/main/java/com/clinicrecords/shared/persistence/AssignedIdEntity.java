package com.clinicrecords.shared.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * Base of the entities whose id the application assigns (a random UUID when the object is constructed). Spring
 * Data cannot tell such a new object from a detached one by its id, so {@code save} would merge it, and a merge
 * first selects the row by id: one database round trip more for every insert. An object made with {@code new}
 * is new until it is persisted; one that Hibernate loaded is not (the {@link Persistable} strategy of the Spring
 * Data JPA reference, "Entity State-detection Strategies"). Only for entities that never reuse an existing id
 * in a new object: saving such an object would insert, and fail on the primary key.
 */
@MappedSuperclass
public abstract class AssignedIdEntity<ID> implements Persistable<ID> {

    @Transient
    private boolean isNew = true;

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void markPersisted() {
        isNew = false;
    }
}
