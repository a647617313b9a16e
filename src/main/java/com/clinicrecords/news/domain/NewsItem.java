package com.clinicrecords.news.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A clinic news item: a draft until published; unpublishing hides it again. */
@Entity
@Table(name = "news_items")
public class NewsItem extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private String title;
    private String body;
    private Instant publishedAt;
    private Instant createdAt;
    private UUID createdBy;
    private Instant updatedAt;

    @Version
    private long version;

    protected NewsItem() {}

    public NewsItem(String title, String body, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.title = title;
        this.body = body;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void edit(String title, String body, Instant now) {
        this.title = title;
        this.body = body;
        this.updatedAt = now;
    }

    /** Publishing a published item keeps its original date (a repeat changes nothing). */
    public void publish(Instant now) {
        if (publishedAt == null) {
            this.publishedAt = now;
            this.updatedAt = now;
        }
    }

    public void unpublish(Instant now) {
        if (publishedAt != null) {
            this.publishedAt = null;
            this.updatedAt = now;
        }
    }

    public boolean isPublished() {
        return publishedAt != null;
    }

    public UUID getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
