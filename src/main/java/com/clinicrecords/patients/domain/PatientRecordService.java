package com.clinicrecords.patients.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.patients.persistence.PatientRepository;
import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PreconditionFailedException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading, updating and soft-deleting one patient record. Field-level rule on update: demographics belong
 * to the patient and admins, clinical fields to linked doctors; changing a field one does not own is 403.
 */
@Service
public class PatientRecordService {

    private static final AuditResource RESOURCE = AuditResource.PATIENT;

    private final PatientRepository patients;
    private final PatientAccess access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public PatientRecordService(
            PatientRepository patients,
            PatientAccess access,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Access check and read in one statement, and no transaction around them: the read is consistent by
     * itself, and the audit row is written before the record is handed out.
     */
    public PatientView get(AuthenticatedUser user, UUID id) {
        PatientView patient = access.readable(user, id, RESOURCE);
        audit.record(AuditEntry.allowed(AuditAction.READ, RESOURCE, id, id));
        return patient;
    }

    /** Full replacement of both field groups; {@code expectedVersion} comes from If-Match. */
    @Transactional
    public PatientView update(
            AuthenticatedUser user, UUID id, long expectedVersion, Demographics demographics, ClinicalFields clinical) {
        return patch(user, id, expectedVersion, current -> new Fields(demographics, clinical));
    }

    /** Both field groups of a record, as an update writes them. */
    public record Fields(Demographics demographics, ClinicalFields clinical) {}

    /**
     * Partial update (JSON Merge Patch): {@code change} turns the current record into the fields to write (it may
     * throw a 400). Runs after the access and If-Match checks and under the same field-level rules as
     * {@link #update}, so fields left out of the patch are unchanged and need no right to write them.
     */
    @Transactional
    public PatientView patch(
            AuthenticatedUser user, UUID id, long expectedVersion, Function<PatientView, Fields> change) {
        access.requireRead(user, id, RESOURCE);
        Patient patient = live(id);
        if (patient.getVersion() != expectedVersion) {
            throw new PreconditionFailedException("The patient record was changed since you read it");
        }
        Fields fields = change.apply(PatientView.of(patient));
        Demographics demographics = fields.demographics();
        ClinicalFields clinical = fields.clinical();
        boolean owner = user.isAdmin() || user.userId().equals(patient.getUserId());
        if (demographics.differsFrom(patient) && !owner) {
            throw new ForbiddenException("field-not-writable", "Only the patient or an admin may change demographics");
        }
        if (clinical.differsFrom(patient) && !access.isLinkedDoctor(user, id)) {
            throw new ForbiddenException("field-not-writable", "Only a linked doctor may change clinical fields");
        }
        Instant now = clock.instant();
        patient.updateDemographics(
                demographics.firstName().trim(),
                demographics.lastName().trim(),
                demographics.dateOfBirth(),
                demographics.gender(),
                demographics.insuranceNumber(),
                now);
        patient.updateClinical(
                clinical.room(), clinical.bed(), clinical.diagnosis(), clinical.prescribedMedicine(), now);
        patients.saveAndFlush(patient);
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, RESOURCE, id, id));
        return PatientView.of(patient);
    }

    /**
     * Soft delete (admins only, checked by the caller): the row stays with who/when/why, hidden from reads.
     * Listeners (appointments) release what the record still holds in the same transaction.
     */
    @Transactional
    public void delete(AuthenticatedUser user, UUID id, String reason) {
        Patient patient = live(id);
        patient.softDelete(user.userId(), reason.trim(), clock.instant());
        patients.saveAndFlush(patient);
        audit.record(AuditEntry.allowed(AuditAction.DELETE, RESOURCE, id, id));
        events.publishEvent(new PatientDeletedEvent(id, user.userId()));
    }

    private Patient live(UUID id) {
        return patients.findLive(id).orElseThrow(() -> NotFoundException.of("Patient"));
    }
}
