package com.clinicrecords.identity.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One of the caller's open sessions (a signed-in device). */
public record SessionView(
        UUID id,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable String userAgent,
        @Nullable String clientIp,
        boolean current) {}
