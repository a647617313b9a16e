package com.clinicrecords.appointments.domain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link AppointmentReminders} periodically (separate bean so the call goes through its transaction). With
 * several instances only one runs it at a time (ShedLock); the claim query's SKIP LOCKED keeps it exactly-once
 * even without the lock.
 */
@Component
class ReminderSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

    private final AppointmentReminders reminders;

    ReminderSchedule(AppointmentReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(
            fixedDelayString = "${clinic.appointments.reminder-interval:5m}",
            initialDelayString = "${clinic.appointments.reminder-interval:5m}")
    @SchedulerLock(name = "appointment-reminders", lockAtMostFor = "PT10M")
    void run() {
        try {
            int queued = reminders.sendDue();
            if (queued > 0) {
                log.info("Queued {} appointment reminder(s)", queued);
            }
        } catch (RuntimeException e) {
            log.warn("Appointment reminder run failed: {}", e.getClass().getSimpleName());
        }
    }
}
