package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.persistence.AppointmentRepository;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.RuleViolationException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status changes. The patient may only cancel their own appointment; the appointment's doctor may confirm,
 * complete, mark no-show and cancel; admins may do everything. Other viewers get 403, strangers 404.
 */
@Service
public class AppointmentLifecycleService {

    private final AppointmentRepository appointments;
    private final AppointmentActors actors;
    private final AppointmentNotifier notifier;
    private final AuditTrail audit;
    private final Clock clock;

    public AppointmentLifecycleService(
            AppointmentRepository appointments,
            AppointmentActors actors,
            AppointmentNotifier notifier,
            AuditTrail audit,
            Clock clock) {
        this.appointments = appointments;
        this.actors = actors;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public AppointmentView transition(AuthenticatedUser user, UUID id, AppointmentStatus target) {
        Appointment appointment = appointments.findById(id).orElseThrow(() -> NotFoundException.of("Appointment"));
        actors.requireSee(user, appointment);
        requireAllowed(user, appointment, target);
        appointment.requireCanTransitionTo(target);
        Instant now = clock.instant();
        if ((target == AppointmentStatus.COMPLETED || target == AppointmentStatus.NO_SHOW)
                && appointment.getStartsAt().isAfter(now)) {
            throw new RuleViolationException(
                    "appointment-not-started",
                    "An appointment can be completed or marked no-show only once it has started");
        }
        appointment.transitionTo(target, user.userId(), now);
        appointments.saveAndFlush(appointment);
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, AppointmentActors.RESOURCE, id, appointment.getPatientId())
                .withDetail("status=" + target));
        if (target == AppointmentStatus.CANCELLED) {
            notifier.cancelled(appointment, actors.parties(appointment));
        }
        return AppointmentView.of(appointment);
    }

    private void requireAllowed(AuthenticatedUser user, Appointment a, AppointmentStatus target) {
        if (user.isAdmin() || actors.isOwnDoctor(user, a)) {
            return;
        }
        if (target == AppointmentStatus.CANCELLED && actors.isOwnPatient(user, a)) {
            return;
        }
        throw new ForbiddenException("transition-not-allowed", "You may not move this appointment to " + target);
    }
}
