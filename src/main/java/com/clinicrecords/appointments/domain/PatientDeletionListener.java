package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.persistence.AppointmentRepository;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.patients.domain.ClinicDirectory;
import com.clinicrecords.patients.domain.PatientDeletedEvent;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a patient record is soft-deleted, its open future appointments are cancelled (in the same
 * transaction), so they stop blocking the doctors' time; the doctors are told the slot is free.
 */
@Component
class PatientDeletionListener {

    private final AppointmentRepository appointments;
    private final ClinicDirectory directory;
    private final AppointmentNotifier notifier;
    private final AuditTrail audit;
    private final Clock clock;

    PatientDeletionListener(
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
    void on(PatientDeletedEvent event) {
        Instant now = clock.instant();
        for (Appointment a : appointments.findByPatientIdAndStatusInAndStartsAtAfter(
                event.patientId(), AppointmentStatus.OPEN, now)) {
            a.transitionTo(AppointmentStatus.CANCELLED, event.deletedBy(), now);
            audit.record(AuditEntry.allowed(AuditAction.UPDATE, AppointmentActors.RESOURCE, a.getId(), a.getPatientId())
                    .withDetail("status=CANCELLED (patient record deleted)"));
            directory.doctor(a.getDoctorId()).ifPresent(d -> notifier.cancelledForDoctor(a, d.userId()));
        }
        appointments.flush();
    }
}
