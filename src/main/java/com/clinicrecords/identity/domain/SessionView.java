package com.clinicrecords.identity.domain;

import java.time.Instant;
import java.util.UUID;

/** One of the caller's open sessions (a signed-in device). */
public record SessionView(
        UUID id, Instant createdAt, Instant lastUsedAt, String userAgent, String clientIp, boolean current) {}
