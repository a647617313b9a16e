package com.clinicrecords.analysis.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The analysis queue: lease length (default and the longest a client may ask for), how often a job is tried
 * and the backoff between tries, the lease-expiry sweep, and the webhook outbox relay.
 */
@ConfigurationProperties("clinic.analysis")
public record AnalysisProperties(
        Duration leaseDuration,
        Duration maxLeaseDuration,
        int maxAttempts,
        Duration retryInitialBackoff,
        Duration retryMaxBackoff,
        Duration sweepInterval,
        Webhook webhook) {

    public AnalysisProperties {
        leaseDuration = leaseDuration != null ? leaseDuration : Duration.ofMinutes(5);
        maxLeaseDuration = maxLeaseDuration != null ? maxLeaseDuration : Duration.ofHours(1);
        maxAttempts = maxAttempts > 0 ? maxAttempts : 3;
        retryInitialBackoff = retryInitialBackoff != null ? retryInitialBackoff : Duration.ofSeconds(30);
        retryMaxBackoff = retryMaxBackoff != null ? retryMaxBackoff : Duration.ofMinutes(10);
        sweepInterval = sweepInterval != null ? sweepInterval : Duration.ofSeconds(30);
        webhook = webhook != null ? webhook : new Webhook(null, null, null, null, 0, 0);
    }

    /** The wait before try {@code failedAttempts + 1}: initial backoff doubling, capped. */
    public Duration retryBackoffAfter(int failedAttempts) {
        return backoff(retryInitialBackoff, retryMaxBackoff, failedAttempts);
    }

    static Duration backoff(Duration initial, Duration max, int failedAttempts) {
        int exponent = Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration backoff = initial.multipliedBy(1L << exponent);
        return backoff.compareTo(max) > 0 ? max : backoff;
    }

    public record Webhook(
            Duration relayInterval,
            Duration timeout,
            Duration retryInitialBackoff,
            Duration retryMaxBackoff,
            int maxAttempts,
            int batchSize) {

        public Webhook {
            relayInterval = relayInterval != null ? relayInterval : Duration.ofSeconds(2);
            timeout = timeout != null ? timeout : Duration.ofSeconds(10);
            retryInitialBackoff = retryInitialBackoff != null ? retryInitialBackoff : Duration.ofSeconds(30);
            retryMaxBackoff = retryMaxBackoff != null ? retryMaxBackoff : Duration.ofHours(1);
            maxAttempts = maxAttempts > 0 ? maxAttempts : 8;
            batchSize = batchSize > 0 ? batchSize : 20;
        }

        public Duration backoffAfter(int failedAttempts) {
            return backoff(retryInitialBackoff, retryMaxBackoff, failedAttempts);
        }
    }
}
