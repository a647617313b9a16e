package com.clinicrecords.notifications.domain;

import com.clinicrecords.notifications.persistence.NotificationRepository;
import java.time.Clock;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates in-app notifications, in the caller's transaction so a notification exists exactly when the
 * change it announces was committed. Titles and messages must not contain medical details.
 */
@NamedInterface("api")
@Service
public class InAppNotifications {

    private final NotificationRepository notifications;
    private final Clock clock;

    public InAppNotifications(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * @param category short machine-readable kind, e.g. APPOINTMENT_BOOKED, RESULT_READY
     * @param link     API path of the thing to look at, e.g. /api/appointments/{id}; may be null
     */
    @Transactional
    public UUID notify(UUID userId, String category, String title, String message, String link) {
        return notifications
                .save(new Notification(userId, category, title, message, link, clock.instant()))
                .getId();
    }
}
