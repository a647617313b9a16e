package com.clinicrecords.notifications.domain;

import java.time.Instant;
import java.util.UUID;

public record NotificationView(
        UUID id,
        String category,
        String title,
        String message,
        String link,
        Instant createdAt,
        Instant readAt,
        boolean read) {

    static NotificationView of(Notification n) {
        return new NotificationView(
                n.getId(),
                n.getCategory(),
                n.getTitle(),
                n.getMessage(),
                n.getLink(),
                n.getCreatedAt(),
                n.getReadAt(),
                n.getReadAt() != null);
    }
}
