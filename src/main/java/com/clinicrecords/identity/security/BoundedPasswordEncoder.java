package com.clinicrecords.identity.security;

import com.clinicrecords.shared.domain.ServerBusyException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Bounds concurrent Argon2 work (19 MiB and ~50-100 ms of one core each) to about the number of cores. A
 * few more callers may wait briefly for a slot; beyond that a caller gets 503 with Retry-After at once, so a
 * burst of sign-ins can neither exhaust memory nor starve the threads that serve every other endpoint.
 * Two plain {@link Semaphore}s: a library (Resilience4j's bulkhead) would add a dependency for the same
 * dozen lines.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final String BUSY = "Too many sign-ins are being checked right now; please retry in a moment";

    private final PasswordEncoder delegate;
    private final Semaphore admitted;
    private final Semaphore hashing;
    private final long maxWaitNanos;

    BoundedPasswordEncoder(PasswordEncoder delegate, int maxConcurrent, int maxWaiting, Duration maxWait) {
        this.delegate = delegate;
        this.hashing = new Semaphore(maxConcurrent);
        this.admitted = new Semaphore(maxConcurrent + maxWaiting);
        this.maxWaitNanos = maxWait.toNanos();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            return delegate.encode(rawPassword);
        } finally {
            release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private void acquire() {
        if (!admitted.tryAcquire()) {
            throw new ServerBusyException(BUSY, RETRY_AFTER);
        }
        boolean ok = false;
        try {
            ok = hashing.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!ok) {
                admitted.release();
            }
        }
        if (!ok) {
            throw new ServerBusyException(BUSY, RETRY_AFTER);
        }
    }

    private void release() {
        hashing.release();
        admitted.release();
    }
}
