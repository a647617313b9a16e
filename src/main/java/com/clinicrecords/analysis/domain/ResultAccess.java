package com.clinicrecords.analysis.domain;

import com.clinicrecords.analysis.persistence.AnalysisResultRepository;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.imaging.domain.AnalysisLeaseGate;
import com.clinicrecords.imaging.domain.ImageAccess;
import com.clinicrecords.patients.domain.PatientAccess;
import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Result access on top of the clinical-record rule: patients see only released (FINAL/AMENDED) results of
 * their own record; linked doctors, admins and the analysis service also see PRELIMINARY ones. Writing is for
 * the analysis service and linked doctors (analysis:write); signing off and amending for linked doctors only.
 */
@Component
class ResultAccess {

    static final AuditResource RESOURCE = AuditResource.ANALYSIS_RESULT;
    private static final Set<ResultStatus> RELEASED = EnumSet.of(ResultStatus.FINAL, ResultStatus.AMENDED);
    private static final Set<ResultStatus> ALL = EnumSet.allOf(ResultStatus.class);

    private final AnalysisResultRepository results;
    private final PatientAccess patients;
    private final ImageAccess images;
    private final AuditTrail audit;
    private final AnalysisLeaseGate leases;

    ResultAccess(
            AnalysisResultRepository results,
            PatientAccess patients,
            ImageAccess images,
            AuditTrail audit,
            AnalysisLeaseGate leases) {
        this.results = results;
        this.patients = patients;
        this.images = images;
        this.audit = audit;
        this.leases = leases;
    }

    /** A new analysis run of an image: a doctor linked to its patient, holding images:status. */
    void requireMayRerun(AuthenticatedUser me, UUID patientId) {
        if (!me.can(Permissions.IMAGES_STATUS) || !patients.isLinkedDoctor(me, patientId)) {
            audit.recordDenied(AuditEntry.denied(AuditAction.CREATE, AnalysisJobs.RESOURCE, null, patientId));
            throw new ForbiddenException(
                    "analysis-rerun-not-allowed", "Only a linked doctor may request a new analysis");
        }
    }

    /** An analysis service reads results only of an image it holds a live lease on. */
    private boolean serviceMayRead(AuthenticatedUser me, UUID imageId) {
        return leases.holdsLiveLease(me.userId(), imageId);
    }

    AnalysisResult readable(AuthenticatedUser me, UUID resultId, AuditAction action) {
        Object[] row = results.findWithFacts(resultId, me.userId()).stream()
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("Result"));
        AnalysisResult result = (AnalysisResult) row[0];
        PatientAccess.Facts facts = PatientAccess.Facts.of(row, 1);
        boolean clinician = me.isAdmin() || isAnalysisService(me) || patients.mayCare(me, facts);
        boolean visible =
                (patients.mayRead(me, facts) || (isAnalysisService(me) && serviceMayRead(me, result.getImageId())))
                        && (clinician ? ALL : RELEASED).contains(result.getStatus());
        if (!visible) {
            audit.recordDenied(AuditEntry.denied(action, RESOURCE, resultId, result.getPatientId()));
            throw NotFoundException.of("Result");
        }
        return result;
    }

    /** 404 (audited) unless the caller may read the patient; else the result statuses they may see. */
    Set<ResultStatus> requireVisiblePatient(AuthenticatedUser me, UUID patientId) {
        PatientAccess.Facts facts = images.requireVisiblePatientFacts(me, patientId, AuditAction.LIST);
        boolean clinician = me.isAdmin() || isAnalysisService(me) || patients.mayCare(me, facts);
        return clinician ? ALL : RELEASED;
    }

    Set<ResultStatus> visibleStatuses(AuthenticatedUser me, UUID patientId) {
        boolean clinician = me.isAdmin() || isAnalysisService(me) || patients.isLinkedDoctor(me, patientId);
        return clinician ? ALL : RELEASED;
    }

    void requireWriter(AuthenticatedUser me, UUID patientId, UUID imageId) {
        boolean allowed =
                me.can(Permissions.ANALYSIS_WRITE) && (isAnalysisService(me) || patients.isLinkedDoctor(me, patientId));
        if (!allowed) {
            audit.recordDenied(AuditEntry.denied(AuditAction.CREATE, RESOURCE, imageId, patientId));
            throw new ForbiddenException(
                    "result-write-not-allowed", "Only the analysis service or a linked doctor may add results");
        }
    }

    void requireSignOff(AuthenticatedUser me, AnalysisResult result) {
        if (!me.can(Permissions.ANALYSIS_WRITE) || !patients.isLinkedDoctor(me, result.getPatientId())) {
            audit.recordDenied(AuditEntry.denied(AuditAction.UPDATE, RESOURCE, result.getId(), result.getPatientId()));
            throw new ForbiddenException(
                    "result-sign-off-not-allowed",
                    "Only a doctor linked to the patient may finalize or amend a result");
        }
    }

    boolean isAnalysisService(AuthenticatedUser me) {
        return images.isAnalysisService(me);
    }
}
