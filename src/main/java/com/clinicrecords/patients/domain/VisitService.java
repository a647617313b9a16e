package com.clinicrecords.patients.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.patients.persistence.DoctorPatientLocks;
import com.clinicrecords.patients.persistence.DoctorRepository;
import com.clinicrecords.patients.persistence.PatientRepository;
import com.clinicrecords.patients.persistence.VisitRepository;
import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Visit history: written by linked doctors, readable by everyone who may read the patient. */
@Service
public class VisitService {

    private static final AuditResource RESOURCE = AuditResource.VISIT;

    private final VisitRepository visits;
    private final PatientRepository patients;
    private final DoctorRepository doctors;
    private final DoctorPatientLocks locks;
    private final PatientAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    public VisitService(
            VisitRepository visits,
            PatientRepository patients,
            DoctorRepository doctors,
            DoctorPatientLocks locks,
            PatientAccess access,
            AuditTrail audit,
            Clock clock) {
        this.visits = visits;
        this.patients = patients;
        this.doctors = doctors;
        this.locks = locks;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public VisitView record(AuthenticatedUser doctor, UUID patientId, RecordVisitCommand cmd) {
        access.requireCare(doctor, patientId, RESOURCE);
        Instant now = clock.instant();
        if (cmd.visitedAt().isAfter(now)) {
            throw new InvalidFieldException("visitedAt", "must not be in the future");
        }
        Doctor author = doctors.findByUserId(doctor.userId()).orElseThrow(() -> NotFoundException.of("Patient"));
        // The visit insert and the diagnosis update touch both rows; lock them in the bookings' order.
        locks.lockDoctorThenPatient(author.getId(), patientId);
        Patient patient = patients.findLive(patientId).orElseThrow(() -> NotFoundException.of("Patient"));
        Visit visit = visits.save(new Visit(
                patientId,
                author.getId(),
                cmd.visitedAt(),
                cmd.notes(),
                cmd.diagnosis(),
                cmd.prescribedMedicine(),
                doctor.userId(),
                now));
        if (cmd.diagnosis() != null || cmd.prescribedMedicine() != null) {
            patient.updateClinical(
                    patient.getRoom(),
                    patient.getBed(),
                    cmd.diagnosis() != null ? cmd.diagnosis() : patient.getDiagnosis(),
                    cmd.prescribedMedicine() != null ? cmd.prescribedMedicine() : patient.getPrescribedMedicine(),
                    now);
            audit.record(AuditEntry.allowed(AuditAction.UPDATE, AuditResource.PATIENT, patientId, patientId));
        }
        visits.flush();
        audit.record(AuditEntry.allowed(AuditAction.CREATE, RESOURCE, visit.getId(), patientId));
        return VisitView.of(visit);
    }

    /**
     * Reads only: no transaction around them (the access facts, the audit row and the page are single statements;
     * a transaction cost its begin, commit and auto-commit round trips).
     */
    public PageView<VisitView> list(AuthenticatedUser user, UUID patientId, Pageable page) {
        access.requireRead(user, patientId, RESOURCE);
        audit.record(AuditEntry.allowed(AuditAction.LIST, RESOURCE, null, patientId));
        return PageView.of(visits.findByPatientIdOrderByVisitedAtDescIdDesc(patientId, page), VisitView::of);
    }

    /** A visit is visible exactly when its patient is; anything else is 404. */
    @Transactional
    public VisitView get(AuthenticatedUser user, UUID visitId) {
        Visit visit = visits.findById(visitId).orElseThrow(() -> NotFoundException.of("Visit"));
        if (!access.canRead(user, visit.getPatientId())) {
            audit.recordDenied(AuditEntry.denied(AuditAction.READ, RESOURCE, visitId, visit.getPatientId()));
            throw NotFoundException.of("Visit");
        }
        audit.record(AuditEntry.allowed(AuditAction.READ, RESOURCE, visitId, visit.getPatientId()));
        return VisitView.of(visit);
    }
}
