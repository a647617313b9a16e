package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.persistence.AppointmentRepository;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.identity.domain.AccountDisabledEvent;
import com.clinicrecords.patients.domain.ClinicDirectory;
import com.clinicrecords.patients.domain.DoctorDeactivatedEvent;
import com.clinicrecords.patients.domain.PatientDeletedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Open future appointments stop blocking anyone's time when one side goes away: a doctor deactivated or their
 * account disabled (the patients are told), a patient record deleted (the doctors are told).
 *
 * <p>The patients and identity modules only announce what happened; this module reacts after their transaction
 * committed, in a transaction of its own ({@link ApplicationModuleListener}). Spring Modulith's event publication
 * registry stores each event with the announcing transaction and marks it done when the listener's transaction
 * commits, so a crash in between re-delivers it on restart. Handling is repeatable: only appointments still open
 * are cancelled, the audit rows name the account that caused the cancellation, and a doctor who is bookable again by the time the event arrives (reactivated at once) keeps
 * their appointments.
 */
@Component
class AppointmentCancellations {

    private final AppointmentRepository appointments;
    private final ClinicDirectory directory;
    private final AppointmentNotifier notifier;
    private final AuditTrail audit;
    private final Clock clock;

    AppointmentCancellations(
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

    @ApplicationModuleListener
    void on(DoctorDeactivatedEvent event) {
        cancelDoctorsFuture(event.doctorId(), event.deactivatedBy(), "doctor deactivated");
    }

    @ApplicationModuleListener
    void on(AccountDisabledEvent event) {
        directory
                .doctorOfUser(event.userId())
                .ifPresent(d -> cancelDoctorsFuture(d.id(), event.disabledBy(), "doctor account disabled"));
    }

    @ApplicationModuleListener
    void on(PatientDeletedEvent event) {
        Instant now = clock.instant();
        cancel(
                appointments.findByPatientIdAndStatusInAndStartsAtAfter(event.patientId(), AppointmentStatus.OPEN, now),
                event.deletedBy(),
                "patient record deleted",
                now,
                a -> directory.doctor(a.getDoctorId()).ifPresent(d -> notifier.cancelledForDoctor(a, d.userId())));
    }

    private void cancelDoctorsFuture(UUID doctorId, UUID by, String why) {
        if (directory.isDoctorBookable(doctorId)) {
            return;
        }
        Instant now = clock.instant();
        cancel(
                appointments.findByDoctorIdAndStatusInAndStartsAtAfter(doctorId, AppointmentStatus.OPEN, now),
                by,
                why,
                now,
                a -> directory
                        .livePatient(a.getPatientId())
                        .filter(p -> p.userId() != null)
                        .ifPresent(p -> notifier.cancelledForPatient(a, p.userId())));
    }

    private void cancel(List<Appointment> open, UUID by, String why, Instant now, Consumer<Appointment> tell) {
        for (Appointment a : open) {
            a.transitionTo(AppointmentStatus.CANCELLED, by, now);
            audit.recordAs(
                    by,
                    AuditEntry.allowed(AuditAction.UPDATE, AppointmentActors.RESOURCE, a.getId(), a.getPatientId())
                            .withDetail("status=CANCELLED (" + why + ")"));
            tell.accept(a);
        }
        appointments.flush();
    }
}
