package com.clinicrecords.patients.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.patients.persistence.DoctorPatientLinkRepository;
import com.clinicrecords.patients.persistence.PatientRepository;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.Roles;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rule for who may touch a patient's records, used by every module (visits, appointments, images,
 * analysis results): the patient themself, a doctor with an active link, or an admin. Everyone else gets
 * 404, so a record's existence is not revealed; the refusal is audited.
 */
@Service
public class PatientAccess {

    private final PatientRepository patients;
    private final DoctorPatientLinkRepository links;
    private final AuditTrail audit;

    public PatientAccess(PatientRepository patients, DoctorPatientLinkRepository links, AuditTrail audit) {
        this.patients = patients;
        this.links = links;
        this.audit = audit;
    }

    /** Read access: the patient, a linked doctor, or an admin. */
    @Transactional(readOnly = true)
    public void requireRead(AuthenticatedUser user, UUID patientId, String resourceType) {
        if (!canRead(user, patientId)) {
            deny(user, patientId, resourceType);
        }
    }

    /** Clinical write access (visits, diagnoses, results): only a doctor with an active link. */
    @Transactional(readOnly = true)
    public void requireCare(AuthenticatedUser user, UUID patientId, String resourceType) {
        if (!isLinkedDoctor(user, patientId)) {
            deny(user, patientId, resourceType);
        }
    }

    @Transactional(readOnly = true)
    public boolean canRead(AuthenticatedUser user, UUID patientId) {
        return patients.findLive(patientId)
                .map(p -> user.isAdmin() || user.userId().equals(p.getUserId()) || hasActiveLink(user, patientId))
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean isLinkedDoctor(AuthenticatedUser user, UUID patientId) {
        return hasActiveLink(user, patientId) && patients.findLive(patientId).isPresent();
    }

    /** The link alone, for callers that have already checked that the patient exists and is not deleted. */
    private boolean hasActiveLink(AuthenticatedUser user, UUID patientId) {
        return user.can(Permissions.PATIENTS_CARE)
                && user.hasRole(Roles.DOCTOR)
                && links.isActiveForDoctorUser(user.userId(), patientId);
    }

    /** The caller's own patient record id, if they are a patient. */
    @Transactional(readOnly = true)
    public Optional<UUID> ownPatientId(AuthenticatedUser user) {
        return patients.findLiveByUserId(user.userId()).map(Patient::getId);
    }

    private void deny(AuthenticatedUser user, UUID patientId, String resourceType) {
        audit.recordDenied(AuditEntry.denied(AuditAction.READ, resourceType, patientId, patientId));
        throw NotFoundException.of("Patient");
    }
}
