package com.clinicrecords.audit.persistence;

import jakarta.annotation.PreDestroy;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Write-behind for audit rows that must survive the request's own rollback (refusals, failed sign-ins). The
 * request only puts the finished row (time, actor, request id and client IP already filled in) on a bounded
 * in-memory queue, so it never takes a second pooled connection while holding its first one (which used to
 * exhaust the pool under bursts of refused reads). One background thread writes the queue in batches of up
 * to {@value #BATCH} rows, in one transaction per batch, every {@code clinic.audit.flush-interval} (50 ms by
 * default, at most 100 ms), and once more when the application shuts down gracefully.
 *
 * <p>Crash window: rows queued in the last flush interval (plus a batch in flight) are lost if the process is
 * killed without a graceful shutdown (SIGKILL, power loss). While the database is down rows stay queued and
 * are retried; a full queue (database down for long under heavy load) makes callers wait up to
 * {@code clinic.audit.max-enqueue-wait} and then logs the loss. Hand-written because no library offers a
 * durable JDBC write-behind with this shutdown contract; it is a queue, a timer and a batch insert.
 */
@Component
public class AuditWriteBehind {

    private static final Logger log = LoggerFactory.getLogger(AuditWriteBehind.class);
    private static final int BATCH = 500;
    public static final String INSERT = "insert into audit_events (occurred_at, actor_user_id, actor_roles, "
            + "patient_id, resource_type, resource_id, action, outcome, request_id, client_ip, detail) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * The types of {@link #INSERT}'s values: the time as given (a LocalDateTime), the rest text. Typed, a null (no
     * actor, no patient, no detail) is bound as a text null at once: untyped, Spring asks the driver for the
     * parameter's type first, which MariaDB's driver answers by throwing an exception (a stack trace filled in per
     * null per row).
     */
    private static final int[] TYPES = {
        SqlTypeValue.TYPE_UNKNOWN,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR
    };

    /** The JDBC types of {@link #INSERT}'s values, for binding them (a copy). */
    public static int[] types() {
        return TYPES.clone();
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final BlockingQueue<Object[]> queue;
    private final Duration maxEnqueueWait;
    private final ThreadPoolTaskScheduler flusher;
    private final ScheduledFuture<?> flushing;
    private final ReentrantLock flushLock = new ReentrantLock();
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final List<Object[]> retry = new ArrayList<>();
    private final Object progress = new Object();
    private volatile boolean closed;
    private boolean failing;

    public AuditWriteBehind(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ThreadPoolTaskSchedulerBuilder schedulers,
            @Value("${clinic.audit.flush-interval:50ms}") Duration flushInterval,
            @Value("${clinic.audit.queue-capacity:100000}") int capacity,
            @Value("${clinic.audit.max-enqueue-wait:5s}") Duration maxEnqueueWait) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxEnqueueWait = maxEnqueueWait;
        long intervalMs = Math.max(1, Math.min(100, flushInterval.toMillis()));
        // Its own thread from Boot's scheduler builder (spring.task.scheduling.*), not the shared scheduler: a
        // slow @Scheduled job (the mail relay) must not hold back the flush. Stopped in close(), before the
        // final flush.
        this.flusher =
                schedulers.poolSize(1).threadNamePrefix("audit-write-behind-").build();
        flusher.setDaemon(true);
        flusher.initialize();
        this.flushing = flusher.scheduleWithFixedDelay(
                this::scheduledFlush, Instant.now().plusMillis(intervalMs), Duration.ofMillis(intervalMs));
    }

    /** Queues one row (the values of {@link #INSERT}, in order). Never touches the database. */
    public void enqueue(Object[] row) {
        try {
            if (closed) {
                // Late events during shutdown (after the final flush started): write them directly.
                writeNow(List.<Object[]>of(row));
                return;
            }
            if (queue.offer(row)) {
                enqueued.incrementAndGet();
                return;
            }
            if (queue.offer(row, maxEnqueueWait.toMillis(), TimeUnit.MILLISECONDS)) {
                enqueued.incrementAndGet();
                return;
            }
            log.error("Audit queue full for {}; an audit row ({} {}) was lost", maxEnqueueWait, row[6], row[7]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("Interrupted while queueing an audit row ({} {}); it was lost", row[6], row[7]);
        }
    }

    /**
     * Waits until every row queued before this call is in the database, or the timeout passes; returns
     * whether it got there. For read paths of the audit API, so a reader sees the refusals recorded just
     * before. Only waits for the background writer: it never takes a connection itself, so it is safe inside
     * the caller's transaction.
     */
    public boolean awaitFlushed(Duration timeout) {
        long target = enqueued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        if (written.get() < target && !closed) {
            // Reads are queued too, so a reader nearly always has rows to wait for: ask the writer thread to
            // flush now instead of waiting for its next tick (a batch insert, about a millisecond, not up to
            // a whole flush interval).
            flusher.execute(this::scheduledFlush);
        }
        synchronized (progress) {
            while (written.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return written.get() >= target;
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private void scheduledFlush() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn(
                    "Audit flush failed, rows kept for the next try: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Writes everything queued so far; rows of a failed batch are kept and retried first next time. */
    public void flush() {
        flushLock.lock();
        try {
            while (true) {
                List<Object[]> batch = new ArrayList<>(retry);
                retry.clear();
                queue.drainTo(batch, BATCH - batch.size());
                if (batch.isEmpty()) {
                    return;
                }
                try {
                    writeNow(batch);
                } catch (RuntimeException e) {
                    retry.addAll(batch);
                    throw e;
                }
                written.addAndGet(batch.size());
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        } finally {
            flushLock.unlock();
        }
    }

    private void writeNow(List<Object[]> batch) {
        tx.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, batch, TYPES));
    }

    /** Graceful shutdown: stops the timer and writes what is left (the DataSource outlives this bean). */
    @PreDestroy
    public void close() {
        closed = true;
        flushing.cancel(false);
        // Waits (up to 10 s) for a scheduled flush in progress; the final flush below takes the same lock anyway.
        flusher.setWaitForTasksToCompleteOnShutdown(true);
        flusher.setAwaitTerminationSeconds(10);
        flusher.shutdown();
        try {
            flush();
        } catch (RuntimeException e) {
            log.error(
                    "Could not write {} audit rows at shutdown: {}",
                    queue.size() + retry.size(),
                    e.getClass().getSimpleName());
        }
    }
}
