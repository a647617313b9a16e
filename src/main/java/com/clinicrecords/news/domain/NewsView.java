package com.clinicrecords.news.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A news item as the API shows it; {@code publishedAt} is absent for drafts, {@code version} is the ETag. */
public record NewsView(
        UUID id,
        String title,
        String body,
        boolean published,
        @Nullable Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static NewsView of(NewsItem n) {
        return new NewsView(
                n.getId(),
                n.getTitle(),
                n.getBody(),
                n.isPublished(),
                n.getPublishedAt(),
                n.getCreatedAt(),
                n.getUpdatedAt(),
                n.getVersion());
    }
}
