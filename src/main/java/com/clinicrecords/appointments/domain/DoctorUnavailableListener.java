package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.persistence.AppointmentRepository;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.identity.domain.AccountDisabledEvent;
import com.clinicrecords.patients.domain.ClinicDirectory;
import com.clinicrecords.patients.domain.DoctorDeactivatedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a doctor is deactivated or their account disabled, their open future appointments are cancelled in the
 * same transaction and each patient is told (the same pattern as {@link PatientDeletionListener}).
 */
@Component
class DoctorUnavailableListener {

    private final AppointmentRepository appointments;
    private final ClinicDirectory directory;
    private final AppointmentNotifier notifier;
    private final AuditTrail audit;
    private final Clock clock;

    DoctorUnavailableListener(
            AppointmentRepository appointments,
            ClinicDirectory directory,
            AppointmentNotifier notifier,
            AuditTrail audit,
            Clock clock) {
        this.appointments = appointments;
        this.directory = directory;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(DoctorDeactivatedEvent event) {
        cancelFutureOf(event.doctorId(), event.deactivatedBy(), "doctor deactivated");
    }

    @EventListener
    void on(AccountDisabledEvent event) {
        directory
                .doctorOfUser(event.userId())
                .ifPresent(d -> cancelFutureOf(d.id(), event.disabledBy(), "doctor account disabled"));
    }

    private void cancelFutureOf(UUID doctorId, UUID by, String why) {
        Instant now = clock.instant();
        for (Appointment a :
                appointments.findByDoctorIdAndStatusInAndStartsAtAfter(doctorId, AppointmentStatus.OPEN, now)) {
            a.transitionTo(AppointmentStatus.CANCELLED, by, now);
            audit.record(AuditEntry.allowed(AuditAction.UPDATE, AppointmentActors.RESOURCE, a.getId(), a.getPatientId())
                    .withDetail("status=CANCELLED (" + why + ")"));
            directory
                    .livePatient(a.getPatientId())
                    .filter(p -> p.userId() != null)
                    .ifPresent(p -> notifier.cancelledForPatient(a, p.userId()));
        }
        appointments.flush();
    }
}
