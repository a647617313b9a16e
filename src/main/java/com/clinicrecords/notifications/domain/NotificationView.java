package com.clinicrecords.notifications.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record NotificationView(
        UUID id,
        String category,
        String title,
        String message,
        @Nullable String link,
        Instant createdAt,
        @Nullable Instant readAt,
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
