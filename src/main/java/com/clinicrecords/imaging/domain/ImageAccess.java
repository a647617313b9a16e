package com.clinicrecords.imaging.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.imaging.persistence.ImageRepository;
import com.clinicrecords.patients.domain.PatientAccess;
import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.Roles;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Who may do what with images, on top of {@link PatientAccess}: reading follows the clinical-record rule
 * (the patient, a linked doctor, an admin; 404 for everyone else). The analysis service may also read an
 * image it is asked to process, but only while it holds a live lease on an analysis job of that image
 * ({@link AnalysisLeaseGate}); it has no patient relationship, so it is recognised by role and permission.
 */
@NamedInterface("api")
@Component
public class ImageAccess {

    static final AuditResource RESOURCE = AuditResource.IMAGE;

    private final PatientAccess patients;
    private final ImageRepository images;
    private final AuditTrail audit;
    private final AnalysisLeaseGate leases;

    public ImageAccess(PatientAccess patients, ImageRepository images, AuditTrail audit, AnalysisLeaseGate leases) {
        this.patients = patients;
        this.images = images;
        this.audit = audit;
        this.leases = leases;
    }

    /** A live image the caller may read; otherwise 404 (and the refusal is audited). */
    public MedicalImage readable(AuthenticatedUser me, UUID imageId, AuditAction action) {
        Object[] row = images.findLiveWithFacts(imageId, me.userId()).stream()
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("Image"));
        MedicalImage image = (MedicalImage) row[0];
        if (!patients.mayRead(me, PatientAccess.Facts.of(row, 1))
                && !(isAnalysisService(me) && serviceMayRead(me, imageId))) {
            audit.recordDenied(AuditEntry.denied(action, RESOURCE, imageId, image.getPatientId()));
            throw NotFoundException.of("Image");
        }
        return image;
    }

    /** The patient themself or a linked doctor, each holding images:upload. Admins may read, not upload. */
    public void requireUpload(AuthenticatedUser me, UUID patientId) {
        // one statement: the facts say whether the caller is the (live) patient or a doctor linked to them
        PatientAccess.Facts facts = requireVisiblePatientFacts(me, patientId, AuditAction.CREATE);
        boolean self = me.userId().equals(facts.ownerUserId());
        if (!me.can(Permissions.IMAGES_UPLOAD) || !(self || patients.mayCare(me, facts))) {
            audit.recordDenied(AuditEntry.denied(AuditAction.CREATE, RESOURCE, null, patientId));
            throw new ForbiddenException("upload-not-allowed", "You may not upload images for this patient");
        }
    }

    public void requireVisiblePatient(AuthenticatedUser me, UUID patientId, AuditAction action) {
        requireVisiblePatientFacts(me, patientId, action);
    }

    /** Same, in one statement, returning the access facts for further decisions (e.g. which results show). */
    public PatientAccess.Facts requireVisiblePatientFacts(AuthenticatedUser me, UUID patientId, AuditAction action) {
        return patients.facts(me, patientId)
                .filter(f -> patients.mayRead(me, f))
                .orElseGet(() -> {
                    audit.recordDenied(AuditEntry.denied(action, RESOURCE, null, patientId));
                    throw NotFoundException.of("Patient");
                });
    }

    public boolean isLinkedDoctor(AuthenticatedUser me, UUID patientId) {
        return patients.isLinkedDoctor(me, patientId);
    }

    /** Analysis services only while they hold a live lease on a job of this image (least privilege). */
    private boolean serviceMayRead(AuthenticatedUser me, UUID imageId) {
        return leases.holdsLiveLease(me.userId(), imageId);
    }

    /** A pure machine account (analysis service, no clinical role): sees no patient details. */
    public boolean isServiceClient(AuthenticatedUser me) {
        return me.hasRole(Roles.ANALYSIS_SERVICE)
                && !me.isAdmin()
                && !me.hasRole(Roles.DOCTOR)
                && !me.hasRole(Roles.PATIENT);
    }

    public boolean isAnalysisService(AuthenticatedUser me) {
        return me.hasRole(Roles.ANALYSIS_SERVICE)
                && (me.can(Permissions.IMAGES_STATUS) || me.can(Permissions.ANALYSIS_WRITE));
    }

    /** Editing an image's description: a linked doctor or its uploader. */
    public void requireEditable(AuthenticatedUser me, MedicalImage image) {
        boolean uploader = image.getUploadedBy().equals(me.userId());
        if (!isLinkedDoctor(me, image.getPatientId()) && !uploader) {
            forbid(me, image, AuditAction.UPDATE, "Only a linked doctor or the uploader may edit an image");
        }
    }

    /** Setting an image's processing status: the analysis service or a linked doctor, holding images:status. */
    public void requireStatusSetter(AuthenticatedUser me, MedicalImage image) {
        boolean allowed = me.can(Permissions.IMAGES_STATUS)
                && (isAnalysisService(me) || isLinkedDoctor(me, image.getPatientId()));
        if (!allowed) {
            forbid(me, image, AuditAction.UPDATE, "Only the analysis service or a linked doctor may set the status");
        }
    }

    /** Deleting an image: the doctor who uploaded it, while linked, or an admin. */
    public void requireDeletable(AuthenticatedUser me, MedicalImage image) {
        boolean uploaderDoctor = image.getUploadedBy().equals(me.userId()) && isLinkedDoctor(me, image.getPatientId());
        if (!me.isAdmin() && !uploaderDoctor) {
            forbid(me, image, AuditAction.DELETE, "Only the uploading doctor or an admin may delete an image");
        }
    }

    public void forbid(AuthenticatedUser me, MedicalImage image, AuditAction action, String detail) {
        audit.recordDenied(AuditEntry.denied(action, RESOURCE, image.getId(), image.getPatientId()));
        throw new ForbiddenException("image-action-not-allowed", detail);
    }
}
