package com.clinicrecords.patients.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.audit.domain.PatientOwnership;
import com.clinicrecords.patients.persistence.PatientReads;
import com.clinicrecords.patients.persistence.PatientRepository;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.Roles;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The one rule for who may touch a patient's records, used by every module (visits, appointments, images,
 * analysis results): the patient themself, a doctor with an active link, or an admin. Everyone else gets
 * 404, so a record's existence is not revealed; the refusal is audited.
 */
@NamedInterface("api")
@Service
public class PatientAccess implements PatientOwnership {

    private final PatientRepository patients;
    private final PatientReads reads;
    private final AuditTrail audit;

    public PatientAccess(PatientRepository patients, PatientReads reads, AuditTrail audit) {
        this.patients = patients;
        this.reads = reads;
        this.audit = audit;
    }

    /** Read access: the patient, a linked doctor, or an admin. */
    public void requireRead(AuthenticatedUser user, UUID patientId, AuditResource resourceType) {
        if (!canRead(user, patientId)) {
            deny(user, patientId, resourceType);
        }
    }

    /**
     * The live patient record if the caller may read it, checked and loaded in one statement; otherwise 404
     * (and the refusal is audited).
     */
    public PatientView readable(AuthenticatedUser user, UUID patientId, AuditResource resourceType) {
        return reads.findWithFacts(patientId, user.userId())
                .filter(row -> mayRead(user, new Facts(row.view().userId(), row.live(), row.linked())))
                .map(PatientReads.PatientWithFacts::view)
                .orElseGet(() -> {
                    deny(user, patientId, resourceType);
                    return null;
                });
    }

    /** Clinical write access (visits, diagnoses, results): only a doctor with an active link. */
    public void requireCare(AuthenticatedUser user, UUID patientId, AuditResource resourceType) {
        if (!isLinkedDoctor(user, patientId)) {
            deny(user, patientId, resourceType);
        }
    }

    /** One statement; no transaction of its own (a single read is consistent by itself). */
    public boolean canRead(AuthenticatedUser user, UUID patientId) {
        return facts(user, patientId).map(f -> mayRead(user, f)).orElse(false);
    }

    public boolean isLinkedDoctor(AuthenticatedUser user, UUID patientId) {
        return facts(user, patientId).map(f -> mayCare(user, f)).orElse(false);
    }

    /** The rule on facts loaded together with a record (see {@code PatientVisibility}). */
    public boolean mayRead(AuthenticatedUser user, Facts facts) {
        return facts.live() && (user.isAdmin() || user.userId().equals(facts.ownerUserId()) || mayCare(user, facts));
    }

    /** A doctor (role and patients:care) with an active link to a live patient. */
    public boolean mayCare(AuthenticatedUser user, Facts facts) {
        return facts.live() && facts.linked() && user.can(Permissions.PATIENTS_CARE) && user.hasRole(Roles.DOCTOR);
    }

    /** The access facts of one patient for the caller, in one statement; empty when there is no such patient. */
    public Optional<Facts> facts(AuthenticatedUser user, UUID patientId) {
        return reads.findFacts(patientId, user.userId());
    }

    /**
     * What the access rule needs to know about one patient and the caller, as selected by
     * {@code PatientVisibility.FACTS}: the patient's account, whether it is live, whether the caller is linked.
     */
    @NamedInterface("api")
    public record Facts(UUID ownerUserId, boolean live, boolean linked) {

        /** From a query row whose {@code PatientVisibility.FACTS} columns start at {@code offset}. */
        public static Facts of(Object[] row, int offset) {
            return new Facts(
                    (UUID) row[offset], Boolean.TRUE.equals(row[offset + 1]), Boolean.TRUE.equals(row[offset + 2]));
        }
    }

    /** The caller's own patient record id, if they are a patient. */
    @Override
    public Optional<UUID> ownPatientId(AuthenticatedUser user) {
        return patients.findLiveByUserId(user.userId()).map(Patient::getId);
    }

    private void deny(AuthenticatedUser user, UUID patientId, AuditResource resourceType) {
        audit.recordDenied(AuditEntry.denied(AuditAction.READ, resourceType, patientId, patientId));
        throw NotFoundException.of("Patient");
    }
}
