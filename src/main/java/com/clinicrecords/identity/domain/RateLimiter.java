package com.clinicrecords.identity.domain;

import com.clinicrecords.shared.domain.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets per key (an email, an IP). Idle buckets are dropped by {@link #cleanup()}, and the
 * map is bounded so a flood of distinct keys cannot exhaust memory. Per instance: with several instances the
 * effective limit multiplies by their number, which is acceptable for brute-force protection.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final String name;
    private final Limit limit;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(String name, Limit limit) {
        this.name = name;
        this.limit = limit;
    }

    /** Throws 429 if the key has no tokens left, without using one. */
    public void check(String key) {
        EstimationProbe probe = bucket(key).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            throw tooMany(probe.getNanosToWaitForRefill());
        }
    }

    /** Uses one token (a failed attempt, a sent email). */
    public void record(String key) {
        bucket(key).tryConsume(1);
    }

    /** Uses one token or throws 429. */
    public void acquire(String key) {
        var probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw tooMany(probe.getNanosToWaitForRefill());
        }
    }

    public void reset(String key) {
        buckets.remove(key);
    }

    /** Forgets buckets that have refilled completely: they hold no information any more. */
    public void cleanup() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= limit.capacity());
    }

    private Bucket bucket(String key) {
        if (buckets.size() >= MAX_KEYS) {
            cleanup();
            if (buckets.size() >= MAX_KEYS) {
                // A flood of distinct keys: forgetting everything beats running out of memory.
                buckets.clear();
            }
        }
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limit.capacity())
                                .refillGreedy(limit.capacity(), limit.period())
                                .build())
                        .build());
    }

    private TooManyRequestsException tooMany(long nanosToWait) {
        Duration wait = Duration.ofNanos(nanosToWait).plusSeconds(1);
        return new TooManyRequestsException("Too many " + name + " attempts; try again later", wait);
    }

    /** {@code capacity} events per {@code period}, refilled gradually. */
    public record Limit(long capacity, Duration period) {

        /** Fills in whatever part of a configured limit was left out. */
        static Limit orDefault(Limit configured, long capacity, Duration period) {
            if (configured == null) {
                return new Limit(capacity, period);
            }
            return new Limit(
                    configured.capacity() > 0 ? configured.capacity() : capacity,
                    configured.period() != null ? configured.period() : period);
        }
    }
}
