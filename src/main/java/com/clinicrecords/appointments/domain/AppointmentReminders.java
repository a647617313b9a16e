package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.persistence.AppointmentRepository;
import com.clinicrecords.identity.Account;
import com.clinicrecords.identity.IdentityApi;
import com.clinicrecords.notifications.domain.EmailOutbox;
import com.clinicrecords.patients.domain.ClinicDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emails patients a reminder once per appointment, {@code clinic.appointments.reminder-lead} (24h) before it.
 * Marking the appointment and queueing the email happen in one transaction, so a reminder is queued exactly
 * once; the outbox relay delivers it. The text holds only the time, nothing medical.
 */
@Service
public class AppointmentReminders {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AppointmentRepository appointments;
    private final ClinicDirectory directory;
    private final IdentityApi identity;
    private final EmailOutbox outbox;
    private final Clock clock;
    private final Duration lead;

    public AppointmentReminders(
            AppointmentRepository appointments,
            ClinicDirectory directory,
            IdentityApi identity,
            EmailOutbox outbox,
            Clock clock,
            @Value("${clinic.appointments.reminder-lead:24h}") Duration lead) {
        this.appointments = appointments;
        this.directory = directory;
        this.identity = identity;
        this.outbox = outbox;
        this.clock = clock;
        this.lead = lead;
    }

    /** Queues reminders for one batch of due appointments; returns how many were queued. */
    @Transactional
    public int sendDue() {
        Instant now = clock.instant();
        int queued = 0;
        for (Appointment a : appointments.lockDueForReminder(now, now.plus(lead))) {
            a.markReminderSent(now);
            var email = directory
                    .livePatient(a.getPatientId())
                    .flatMap(p -> p.userId() == null ? java.util.Optional.empty() : identity.account(p.userId()))
                    .map(Account::email);
            if (email.isPresent()) {
                outbox.enqueue(
                        email.get(),
                        "Appointment reminder",
                        "Hello,\n\nthis is a reminder of your appointment on " + TIME.format(a.getStartsAt())
                                + ".\nSign in to Clinic Records to see the details or to cancel.\n");
                queued++;
            }
        }
        return queued;
    }
}
