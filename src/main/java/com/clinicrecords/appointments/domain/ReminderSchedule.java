package com.clinicrecords.appointments.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link AppointmentReminders} periodically (separate bean so the call goes through its transaction). */
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
