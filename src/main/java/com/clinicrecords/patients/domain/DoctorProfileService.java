package com.clinicrecords.patients.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.identity.IdentityApi;
import com.clinicrecords.patients.persistence.DoctorRepository;
import com.clinicrecords.patients.persistence.SpecializationRepository;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.domain.PreconditionFailedException;
import com.clinicrecords.shared.persistence.CreateIfAbsent;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Doctor profiles: created by an admin for an existing account, visible by name to every signed-in user. */
@Service
public class DoctorProfileService {

    private final DoctorRepository doctors;
    private final SpecializationRepository specializations;
    private final IdentityApi identity;
    private final AuditTrail audit;
    private final CreateIfAbsent createIfAbsent;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public DoctorProfileService(
            DoctorRepository doctors,
            SpecializationRepository specializations,
            IdentityApi identity,
            AuditTrail audit,
            CreateIfAbsent createIfAbsent,
            ApplicationEventPublisher events,
            Clock clock) {
        this.doctors = doctors;
        this.specializations = specializations;
        this.identity = identity;
        this.audit = audit;
        this.createIfAbsent = createIfAbsent;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates the profile and, because a profile without the role would be useless, grants the built-in
     * DOCTOR role to the account if it does not have it yet (audited as a role change). Asking again for the
     * same account and specialization returns the existing profile (also for concurrent identical calls); a
     * different specialization is a 409 (use PUT to change it).
     */
    public DoctorProfileView create(UUID userId, UUID specializationId) {
        return createIfAbsent.run(() -> createOnce(userId, specializationId));
    }

    private DoctorProfileView createOnce(UUID userId, UUID specializationId) {
        identity.requireAccount(userId);
        if (specializationId != null && !specializations.existsById(specializationId)) {
            throw NotFoundException.of("Specialization");
        }
        var existing = doctors.findByUserId(userId);
        if (existing.isPresent() && Objects.equals(existing.get().getSpecializationId(), specializationId)) {
            return DoctorProfileView.of(existing.get(), summary(existing.get().getId()));
        }
        if (existing.isPresent()) {
            throw new ConflictException("doctor-exists", "This account already has a doctor profile");
        }
        Doctor doctor = doctors.saveAndFlush(new Doctor(userId, specializationId, clock.instant()));
        identity.grantRole(userId, Roles.DOCTOR);
        audit.record(AuditEntry.allowed(AuditAction.CREATE, AuditResource.DOCTOR, doctor.getId(), null));
        return DoctorProfileView.of(doctor, summary(doctor.getId()));
    }

    /** Changes the doctor's names (on their account) and specialization; If-Match optional (stale: 412). */
    @Transactional
    public DoctorProfileView update(
            UUID doctorId, Long expectedVersion, String firstName, String lastName, UUID specializationId) {
        Doctor doctor = doctors.findById(doctorId).orElseThrow(() -> NotFoundException.of("Doctor"));
        if (expectedVersion != null && expectedVersion != doctor.getVersion()) {
            throw new PreconditionFailedException("The doctor profile was changed since you read it");
        }
        if (specializationId != null && !specializations.existsById(specializationId)) {
            throw NotFoundException.of("Specialization");
        }
        Instant now = clock.instant();
        identity.rename(doctor.getUserId(), firstName.trim(), lastName.trim());
        doctor.changeSpecialization(specializationId, now);
        doctors.saveAndFlush(doctor);
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, AuditResource.DOCTOR, doctorId, null));
        return DoctorProfileView.of(doctor, summary(doctorId));
    }

    /**
     * Hides the doctor from the list, stops bookings and access through links, and (through the event, in this
     * transaction) cancels their future open appointments, telling the patients. Repeating it changes nothing.
     */
    @Transactional
    public DoctorProfileView deactivate(AuthenticatedUser admin, UUID doctorId) {
        Doctor doctor = doctors.findById(doctorId).orElseThrow(() -> NotFoundException.of("Doctor"));
        if (doctor.deactivate(clock.instant())) {
            doctors.saveAndFlush(doctor);
            audit.record(AuditEntry.allowed(AuditAction.UPDATE, AuditResource.DOCTOR, doctorId, null)
                    .withDetail("deactivated"));
            events.publishEvent(new DoctorDeactivatedEvent(doctorId, admin.userId()));
        }
        return DoctorProfileView.of(doctor, summary(doctorId));
    }

    /** Listed and bookable again; cancelled appointments stay cancelled. Repeating it changes nothing. */
    @Transactional
    public DoctorProfileView reactivate(UUID doctorId) {
        Doctor doctor = doctors.findById(doctorId).orElseThrow(() -> NotFoundException.of("Doctor"));
        if (doctor.reactivate(clock.instant())) {
            doctors.saveAndFlush(doctor);
            audit.record(AuditEntry.allowed(AuditAction.UPDATE, AuditResource.DOCTOR, doctorId, null)
                    .withDetail("reactivated"));
        }
        return DoctorProfileView.of(doctor, summary(doctorId));
    }

    // no transaction around reads that need no snapshot (list round-trip budget)
    public PageView<DoctorSummary> list(UUID specializationId, Pageable page) {
        return PageView.of(doctors.findSummaries(specializationId, page));
    }

    @Transactional(readOnly = true)
    public DoctorSummary get(UUID id) {
        return summary(id);
    }

    @Transactional(readOnly = true)
    public DoctorProfileView me(UUID userId) {
        Doctor doctor = doctors.findByUserId(userId).orElseThrow(() -> NotFoundException.of("Doctor profile"));
        return DoctorProfileView.of(doctor, summary(doctor.getId()));
    }

    private DoctorSummary summary(UUID doctorId) {
        return doctors.findSummary(doctorId).orElseThrow(() -> NotFoundException.of("Doctor"));
    }
}
