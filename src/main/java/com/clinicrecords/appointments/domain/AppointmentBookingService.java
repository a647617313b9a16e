package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.domain.AppointmentActors.Parties;
import com.clinicrecords.appointments.persistence.AppointmentRepository;
import com.clinicrecords.appointments.persistence.LinkedPatientAppointments;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PreconditionFailedException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking and rescheduling. Both run at READ COMMITTED so that the overlap check, done after taking the row
 * locks, sees every appointment committed by a booking that held those locks before us (under REPEATABLE
 * READ a snapshot taken earlier in the transaction could miss it). Both keep the rows of the linked doctors'
 * lists ({@link LinkedPatientAppointments}) in step, under the same patient lock that link changes take.
 */
@Service
public class AppointmentBookingService {

    private final AppointmentRepository appointments;
    private final LinkedPatientAppointments linkedRows;
    private final AppointmentActors actors;
    private final BookingGuard guard;
    private final AppointmentNotifier notifier;
    private final AuditTrail audit;
    private final Clock clock;

    public AppointmentBookingService(
            AppointmentRepository appointments,
            LinkedPatientAppointments linkedRows,
            AppointmentActors actors,
            BookingGuard guard,
            AppointmentNotifier notifier,
            AuditTrail audit,
            Clock clock) {
        this.appointments = appointments;
        this.linkedRows = linkedRows;
        this.actors = actors;
        this.guard = guard;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public AppointmentView book(AuthenticatedUser user, BookAppointmentCommand cmd) {
        Instant now = clock.instant();
        guard.checkTimes(cmd.startsAt(), cmd.endsAt(), now);
        Parties parties = actors.requireMayBook(user, cmd.doctorId(), cmd.patientId());
        guard.lockAndCheck(cmd.doctorId(), cmd.patientId(), cmd.startsAt(), cmd.endsAt(), null);
        guard.checkPatientCap(cmd.patientId(), now);
        Appointment appointment = appointments.saveAndFlush(new Appointment(
                cmd.doctorId(), cmd.patientId(), cmd.startsAt(), cmd.endsAt(), cmd.reason(), user.userId(), now));
        linkedRows.booked(appointment.getId());
        audit.record(AuditEntry.allowed(
                AuditAction.CREATE, AppointmentActors.RESOURCE, appointment.getId(), cmd.patientId()));
        notifier.booked(appointment, parties);
        return AppointmentView.of(appointment);
    }

    /** Moves an open appointment; {@code expectedVersion} comes from If-Match (stale -> 412). */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public AppointmentView reschedule(
            AuthenticatedUser user, UUID id, long expectedVersion, Instant startsAt, Instant endsAt, String reason) {
        Appointment appointment = appointments.findById(id).orElseThrow(() -> NotFoundException.of("Appointment"));
        actors.requireSee(user, appointment);
        actors.requireParticipant(user, appointment);
        if (appointment.getVersion() != expectedVersion) {
            throw new PreconditionFailedException("The appointment was changed since you read it");
        }
        Instant now = clock.instant();
        guard.checkTimes(startsAt, endsAt, now);
        guard.lockAndCheck(appointment.getDoctorId(), appointment.getPatientId(), startsAt, endsAt, id);
        appointment.reschedule(startsAt, endsAt, reason, now);
        appointments.saveAndFlush(appointment);
        linkedRows.moved(id, appointment.getPatientId());
        audit.record(
                AuditEntry.allowed(AuditAction.UPDATE, AppointmentActors.RESOURCE, id, appointment.getPatientId()));
        notifier.rescheduled(appointment, actors.parties(appointment));
        return AppointmentView.of(appointment);
    }
}
