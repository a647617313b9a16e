package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.persistence.AppointmentRepository;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.patients.domain.ClinicDirectory;
import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading appointments: one by id, filtered lists scoped to the caller, and a doctor's own calendar. */
@Service
public class AppointmentQueryService {

    private final AppointmentRepository appointments;
    private final AppointmentActors actors;
    private final AppointmentScope scope;
    private final ClinicDirectory directory;
    private final AppointmentProperties props;
    private final AuditTrail audit;

    public AppointmentQueryService(
            AppointmentRepository appointments,
            AppointmentActors actors,
            AppointmentScope scope,
            ClinicDirectory directory,
            AppointmentProperties props,
            AuditTrail audit) {
        this.appointments = appointments;
        this.actors = actors;
        this.scope = scope;
        this.directory = directory;
        this.props = props;
        this.audit = audit;
    }

    @Transactional
    public AppointmentView get(AuthenticatedUser user, UUID id) {
        Appointment appointment = appointments.findById(id).orElseThrow(() -> NotFoundException.of("Appointment"));
        actors.requireSee(user, appointment);
        audit.record(AuditEntry.allowed(AuditAction.READ, AppointmentActors.RESOURCE, id, appointment.getPatientId()));
        return AppointmentView.of(appointment);
    }

    @Transactional
    public PageView<AppointmentView> search(AuthenticatedUser user, AppointmentSearch filters, Pageable page) {
        if (filters.from() != null && filters.to() != null && !filters.to().isAfter(filters.from())) {
            throw new InvalidFieldException("to", "must be after from");
        }
        // The filter is only a wish: the scope decides what is returned, so no patient is named as accessed.
        audit.record(AuditEntry.allowed(AuditAction.LIST, AppointmentActors.RESOURCE, null, null)
                .withDetail(filters.patientId() == null ? null : "patientId=" + filters.patientId()));
        return PageView.of(appointments.findAll(scope.visibleTo(user, filters), page), AppointmentView::of);
    }

    /** The signed-in doctor's appointments (all statuses) starting in [from, to); 404 without a doctor profile. */
    @Transactional
    public List<AppointmentView> myCalendar(AuthenticatedUser user, Instant from, Instant to) {
        requireRange(from, to, props.maxRangeDays());
        UUID doctorId = directory
                .doctorOfUser(user.userId())
                .orElseThrow(() -> NotFoundException.of("Doctor profile"))
                .id();
        audit.record(AuditEntry.allowed(AuditAction.LIST, AppointmentActors.RESOURCE, null, null));
        return appointments
                .findByDoctorIdAndStartsAtGreaterThanEqualAndStartsAtLessThanOrderByStartsAt(doctorId, from, to)
                .stream()
                .map(AppointmentView::of)
                .toList();
    }

    static void requireRange(Instant from, Instant to, int maxDays) {
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(maxDays)) > 0) {
            throw new InvalidFieldException("to", "range must not exceed " + maxDays + " days");
        }
    }
}
