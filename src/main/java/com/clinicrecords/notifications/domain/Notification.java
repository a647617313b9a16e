package com.clinicrecords.notifications.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "notifications")
public class Notification extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private UUID userId;
    private String category;
    private String title;
    private String message;
    private String link;
    private Instant createdAt;
    private Instant readAt;

    protected Notification() {}

    public Notification(UUID userId, String category, String title, String message, String link, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.category = category;
        this.title = title;
        this.message = message;
        this.link = link;
        this.createdAt = now;
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }

    public String getMessage() {
        return message;
    }

    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
