package com.clinicrecords.patients.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.identity.domain.User;
import com.clinicrecords.identity.persistence.RoleRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.patients.persistence.DoctorRepository;
import com.clinicrecords.patients.persistence.SpecializationRepository;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.security.Roles;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Doctor profiles: created by an admin for an existing account, visible by name to every signed-in user. */
@Service
public class DoctorProfileService {

    private final DoctorRepository doctors;
    private final SpecializationRepository specializations;
    private final UserRepository users;
    private final RoleRepository roles;
    private final AuditTrail audit;
    private final Clock clock;

    public DoctorProfileService(
            DoctorRepository doctors,
            SpecializationRepository specializations,
            UserRepository users,
            RoleRepository roles,
            AuditTrail audit,
            Clock clock) {
        this.doctors = doctors;
        this.specializations = specializations;
        this.users = users;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates the profile and, because a profile without the role would be useless, grants the built-in
     * DOCTOR role to the account if it does not have it yet (audited as a role change).
     */
    @Transactional
    public DoctorProfileView create(UUID userId, UUID specializationId) {
        User user = users.findWithRolesById(userId).orElseThrow(() -> NotFoundException.of("User"));
        if (specializationId != null && !specializations.existsById(specializationId)) {
            throw NotFoundException.of("Specialization");
        }
        if (doctors.existsByUserId(userId)) {
            throw new ConflictException("doctor-exists", "This account already has a doctor profile");
        }
        Doctor doctor = doctors.saveAndFlush(new Doctor(userId, specializationId, clock.instant()));
        if (!user.roleNames().contains(Roles.DOCTOR)) {
            user.addRole(roles.findByName(Roles.DOCTOR).orElseThrow(() -> NotFoundException.of("Role")));
            audit.record(AuditEntry.allowed(AuditAction.ROLE_CHANGE, "User", userId, null)
                    .withDetail("+DOCTOR"));
        }
        audit.record(AuditEntry.allowed(AuditAction.CREATE, "Doctor", doctor.getId(), null));
        return DoctorProfileView.of(doctor, summary(doctor.getId()));
    }

    @Transactional(readOnly = true)
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
