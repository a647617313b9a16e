package com.clinicrecords.patients.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.patients.persistence.DoctorPatientLinkRepository;
import com.clinicrecords.patients.persistence.DoctorPatientLocks;
import com.clinicrecords.patients.persistence.DoctorRepository;
import com.clinicrecords.patients.persistence.PatientListQueries;
import com.clinicrecords.patients.persistence.PatientRepository;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.persistence.CreateIfAbsent;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Doctor-patient links, which decide who may see a patient's records. Access checks read the link table on
 * every request, so removing a link takes effect on the very next call. A change takes the patient's row lock
 * first and announces itself ({@link DoctorPatientLinkChangedEvent}) in its transaction, at READ COMMITTED: what
 * the listeners read after the lock is what bookings and uploads of the patient committed before it, and their
 * reads lock no ranges.
 */
@Service
public class LinkService {

    private final DoctorPatientLinkRepository links;
    private final DoctorRepository doctors;
    private final PatientRepository patients;
    private final PatientListQueries patientLists;
    private final PatientAccess access;
    private final AuditTrail audit;
    private final CreateIfAbsent createIfAbsent;
    private final DoctorPatientLocks locks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public LinkService(
            DoctorPatientLinkRepository links,
            DoctorRepository doctors,
            PatientRepository patients,
            PatientListQueries patientLists,
            PatientAccess access,
            AuditTrail audit,
            CreateIfAbsent createIfAbsent,
            DoctorPatientLocks locks,
            ApplicationEventPublisher events,
            Clock clock) {
        this.links = links;
        this.doctors = doctors;
        this.patients = patients;
        this.patientLists = patientLists;
        this.access = access;
        this.audit = audit;
        this.createIfAbsent = createIfAbsent;
        this.locks = locks;
        this.events = events;
        this.clock = clock;
    }

    // Audit rows name the doctor as resource id and the patient in patient_id.

    /**
     * Creates the link, or re-activates a removed one; linking an active pair again changes nothing, also when
     * identical requests arrive at once (the insert race is retried as a read).
     */
    public LinkView link(AuthenticatedUser admin, UUID doctorId, UUID patientId) {
        return createIfAbsent.runReadCommitted(() -> linkOnce(admin, doctorId, patientId));
    }

    private LinkView linkOnce(AuthenticatedUser admin, UUID doctorId, UUID patientId) {
        locks.lockPatient(patientId);
        doctors.findById(doctorId).orElseThrow(() -> NotFoundException.of("Doctor"));
        patients.findLive(patientId).orElseThrow(() -> NotFoundException.of("Patient"));
        Optional<DoctorPatientLink> existing = links.findById(new DoctorPatientLink.Key(doctorId, patientId));
        boolean activated = existing.map(l -> !l.isActive()).orElse(true);
        DoctorPatientLink link =
                existing.orElseGet(() -> new DoctorPatientLink(doctorId, patientId, admin.userId(), clock.instant()));
        if (!link.isActive()) {
            link.relink(admin.userId(), clock.instant());
        }
        links.saveAndFlush(link);
        if (activated) {
            events.publishEvent(new DoctorPatientLinkChangedEvent(doctorId, patientId, true));
        }
        audit.record(AuditEntry.allowed(AuditAction.LINK, AuditResource.DOCTOR_PATIENT_LINK, doctorId, patientId));
        return LinkView.of(link);
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void unlink(AuthenticatedUser admin, UUID doctorId, UUID patientId) {
        locks.lockPatient(patientId);
        DoctorPatientLink link = links.findById(new DoctorPatientLink.Key(doctorId, patientId))
                .filter(DoctorPatientLink::isActive)
                .orElseThrow(() -> NotFoundException.of("Link"));
        link.remove(admin.userId(), clock.instant());
        links.saveAndFlush(link);
        events.publishEvent(new DoctorPatientLinkChangedEvent(doctorId, patientId, false));
        audit.record(AuditEntry.allowed(AuditAction.UNLINK, AuditResource.DOCTOR_PATIENT_LINK, doctorId, patientId));
    }

    /** Reads only: no transaction around them (each statement is consistent by itself). */
    public List<DoctorSummary> doctorsOf(AuthenticatedUser user, UUID patientId) {
        access.requireRead(user, patientId, AuditResource.PATIENT);
        audit.record(AuditEntry.allowed(AuditAction.LIST, AuditResource.DOCTOR_PATIENT_LINK, null, patientId));
        return doctors.findLinkedTo(patientId);
    }

    /** The signed-in doctor's linked patients, optionally searched; 404 when the caller has no doctor profile. No transaction. */
    public PageView<PatientSummary> myPatients(AuthenticatedUser doctor, String q, Pageable page) {
        doctors.findByUserId(doctor.userId()).orElseThrow(() -> NotFoundException.of("Doctor profile"));
        audit.record(AuditEntry.allowed(AuditAction.LIST, AuditResource.PATIENT, null, null));
        PatientSearch search = PatientSearch.of(q);
        PatientListQueries.Scope mine = PatientListQueries.Scope.linkedTo(doctor.userId());
        PatientListQueries.Rows rows = patientLists.page(mine, search, page.getOffset(), page.getPageSize());
        return PageView.capped(
                rows.content().stream()
                        .map(p -> new PatientSummary(p.id(), p.firstName(), p.lastName(), p.dateOfBirth(), p.gender()))
                        .toList(),
                page,
                rows.more(),
                () -> rows.total() != null ? rows.total() : patientLists.count(mine, search));
    }
}
