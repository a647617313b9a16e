package com.clinicrecords.notifications.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox relay settings: sender address, retry schedule (initial backoff doubling up to a cap) and how many
 * emails one relay run sends at most.
 */
@ConfigurationProperties("clinic.mail")
public record MailProperties(
        String from,
        Duration relayInterval,
        Duration retryInitialBackoff,
        Duration retryMaxBackoff,
        int maxAttempts,
        int batchSize) {

    public MailProperties {
        from = from != null && !from.isBlank() ? from : "no-reply@clinic.example";
        relayInterval = relayInterval != null ? relayInterval : Duration.ofSeconds(2);
        retryInitialBackoff = retryInitialBackoff != null ? retryInitialBackoff : Duration.ofSeconds(30);
        retryMaxBackoff = retryMaxBackoff != null ? retryMaxBackoff : Duration.ofHours(1);
        maxAttempts = maxAttempts > 0 ? maxAttempts : 8;
        batchSize = batchSize > 0 ? batchSize : 50;
    }

    /** 30 s, 60 s, 120 s ... capped: the wait after the given number of failed attempts. */
    public Duration backoffAfter(int failedAttempts) {
        int exponent = Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration backoff = retryInitialBackoff.multipliedBy(1L << exponent);
        return backoff.compareTo(retryMaxBackoff) > 0 ? retryMaxBackoff : backoff;
    }
}
