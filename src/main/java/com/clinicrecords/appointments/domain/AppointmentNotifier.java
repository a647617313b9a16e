package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.domain.AppointmentActors.Parties;
import com.clinicrecords.notifications.domain.InAppNotifications;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Tells the patient and the doctor about booked, moved and cancelled appointments, in the booking
 * transaction. The text names only the time, never the reason or anything medical.
 */
@Component
class AppointmentNotifier {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final InAppNotifications notifications;

    AppointmentNotifier(InAppNotifications notifications) {
        this.notifications = notifications;
    }

    void booked(Appointment a, Parties parties) {
        send(a, parties, "APPOINTMENT_BOOKED", "Appointment booked", "An appointment was booked for %s.");
    }

    void rescheduled(Appointment a, Parties parties) {
        send(a, parties, "APPOINTMENT_RESCHEDULED", "Appointment rescheduled", "An appointment was moved to %s.");
    }

    void cancelled(Appointment a, Parties parties) {
        send(a, parties, "APPOINTMENT_CANCELLED", "Appointment cancelled", "The appointment on %s was cancelled.");
    }

    /** Only the doctor is told, e.g. when the patient's record no longer exists. */
    void cancelledForDoctor(Appointment a, java.util.UUID doctorUserId) {
        notifications.notify(
                doctorUserId,
                "APPOINTMENT_CANCELLED",
                "Appointment cancelled",
                "The appointment on %s was cancelled.".formatted(TIME.format(a.getStartsAt())),
                "/api/appointments/" + a.getId());
    }

    /** Only the patient is told, e.g. when the doctor no longer takes appointments. */
    void cancelledForPatient(Appointment a, java.util.UUID patientUserId) {
        notifications.notify(
                patientUserId,
                "APPOINTMENT_CANCELLED",
                "Appointment cancelled",
                "The appointment on %s was cancelled because the doctor is no longer available."
                        .formatted(TIME.format(a.getStartsAt())),
                "/api/appointments/" + a.getId());
    }

    private void send(Appointment a, Parties parties, String category, String title, String template) {
        String message = template.formatted(TIME.format(a.getStartsAt()));
        String link = "/api/appointments/" + a.getId();
        notifications.notify(parties.doctor().userId(), category, title, message, link);
        if (parties.patient().userId() != null) {
            notifications.notify(parties.patient().userId(), category, title, message, link);
        }
    }
}
