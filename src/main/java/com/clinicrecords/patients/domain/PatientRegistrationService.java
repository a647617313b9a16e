package com.clinicrecords.patients.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.identity.Account;
import com.clinicrecords.identity.IdentityApi;
import com.clinicrecords.patients.persistence.PatientRepository;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.persistence.CreateIfAbsent;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * How patient records come to exist: an admin creates one (with or without a login), or a self-registered
 * PATIENT gets one lazily, from their account's name, the first time they ask for {@code /api/patients/me}.
 */
@Service
public class PatientRegistrationService {

    private final PatientRepository patients;
    private final IdentityApi identity;
    private final AuditTrail audit;
    private final CreateIfAbsent createIfAbsent;
    private final Clock clock;

    public PatientRegistrationService(
            PatientRepository patients,
            IdentityApi identity,
            AuditTrail audit,
            CreateIfAbsent createIfAbsent,
            Clock clock) {
        this.patients = patients;
        this.identity = identity;
        this.audit = audit;
        this.createIfAbsent = createIfAbsent;
        this.clock = clock;
    }

    /**
     * Creates a record. For an account that already has one with the same demographics this is a repeat and
     * returns that record (so retries and concurrent identical calls get the same answer); with other
     * demographics it is a 409.
     */
    public PatientView create(UUID userId, Demographics d) {
        return createIfAbsent.run(() -> createNew(userId, d));
    }

    private PatientView createNew(UUID userId, Demographics d) {
        if (userId != null) {
            identity.requireAccount(userId);
            Optional<Patient> existing = patients.findLiveByUserId(userId);
            if (existing.isPresent() && d.sameAs(existing.get())) {
                return PatientView.of(existing.get());
            }
            requireNoRecord(userId);
        }
        Instant now = clock.instant();
        Patient patient = new Patient(userId, d.firstName().trim(), d.lastName().trim(), now);
        patient.updateDemographics(
                patient.getFirstName(), patient.getLastName(), d.dateOfBirth(), d.gender(), d.insuranceNumber(), now);
        patients.saveAndFlush(patient);
        audit.record(AuditEntry.allowed(AuditAction.CREATE, AuditResource.PATIENT, patient.getId(), patient.getId()));
        return PatientView.of(patient);
    }

    /** The caller's own record; created on first use for PATIENT accounts, 404 for everyone else. */
    /** Concurrent first calls all get the one record: a lost insert race is retried as a plain read. */
    public PatientView me(AuthenticatedUser me) {
        return createIfAbsent.run(() -> {
            Patient patient = patients.findLiveByUserId(me.userId()).orElseGet(() -> createFor(me));
            audit.record(AuditEntry.allowed(AuditAction.READ, AuditResource.PATIENT, patient.getId(), patient.getId()));
            return PatientView.of(patient);
        });
    }

    private Patient createFor(AuthenticatedUser me) {
        // A soft-deleted record stays deleted: its owner must not get a fresh one by asking again.
        if (!me.hasRole(Roles.PATIENT) || patients.existsByUserId(me.userId())) {
            throw NotFoundException.of("Patient");
        }
        Account user = identity.requireAccount(me.userId());
        Patient patient =
                patients.saveAndFlush(new Patient(user.id(), user.firstName(), user.lastName(), clock.instant()));
        audit.record(AuditEntry.allowed(AuditAction.CREATE, AuditResource.PATIENT, patient.getId(), patient.getId()));
        return patient;
    }

    private void requireNoRecord(UUID userId) {
        if (patients.existsByUserId(userId)) {
            throw new ConflictException("patient-exists", "This account already has a patient record");
        }
    }
}
