package com.clinicrecords.identity.persistence;

import com.clinicrecords.identity.domain.RateLimiter.Limit;
import com.clinicrecords.shared.persistence.DeadlockRetry;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Token buckets kept in the database ({@code rate_limit_buckets}) through Bucket4j's MySQL proxy manager, so
 * a limit holds across every application instance on the same database. Each operation is one short
 * transaction ({@code SELECT ... FOR UPDATE} on the bucket's row) on a connection of its own: callers must not
 * hold a transaction of their own while calling (that would be two pooled connections per request), which is
 * checked. Consuming is atomic, so N parallel requests can never take more than the bucket holds.
 */
@Component
public class SharedRateLimits {

    private static final Logger log = LoggerFactory.getLogger(SharedRateLimits.class);

    private static final int MAX_ATTEMPTS = 10;

    private final MySQLSelectForUpdateBasedProxyManager<String> buckets;

    SharedRateLimits(DataSource dataSource) {
        this.buckets = Bucket4jMySQL.selectForUpdateBasedBuilder(readCommitted(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // A bucket that has refilled completely holds no information: its row may be deleted.
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one token from the bucket {@code limitName/subject}; the probe tells whether it was there. */
    public ConsumptionProbe tryConsume(String limitName, String subject, Limit limit) {
        return withRetry(() -> bucket(limitName, subject, limit).tryConsumeAndReturnRemaining(1));
    }

    /** Gives one token back (an attempt that was reserved but turned out not to count). */
    public void refund(String limitName, String subject, Limit limit) {
        withRetry(() -> {
            bucket(limitName, subject, limit).addTokens(1);
            return null;
        });
    }

    /** Forgets the bucket: it starts full again. */
    public void reset(String limitName, String subject) {
        withRetry(() -> {
            buckets.removeProxy(key(limitName, subject));
            return null;
        });
    }

    /**
     * Runs one bucket operation, again if InnoDB chose it as a deadlock victim: when parallel requests create
     * the same bucket row, their {@code INSERT IGNORE} share locks can deadlock with the following
     * {@code SELECT ... FOR UPDATE}. The victim's transaction was rolled back whole, so a retry is safe.
     */
    private <T> T withRetry(Supplier<T> operation) {
        requireNoTransaction();
        try {
            return DeadlockRetry.run(MAX_ATTEMPTS, operation);
        } catch (RuntimeException e) {
            // Answered as 503 with Retry-After (database unavailable), never as a 500.
            throw new DataAccessResourceFailureException("Rate-limit store unavailable", e);
        }
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void removeRefilledBuckets() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1_000);
            } while (removed >= 1_000);
        } catch (RuntimeException e) {
            log.warn(
                    "Removing refilled rate-limit buckets failed: {}",
                    e.getClass().getSimpleName());
        }
    }

    private io.github.bucket4j.distributed.BucketProxy bucket(String limitName, String subject, Limit limit) {
        return buckets.builder()
                .build(
                        key(limitName, subject),
                        () -> BucketConfiguration.builder()
                                .addLimit(l ->
                                        l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                                .build());
    }

    /**
     * READ COMMITTED for the bucket transactions: under REPEATABLE READ a {@code SELECT ... FOR UPDATE} of a
     * bucket that does not exist yet takes a gap lock, and parallel first attempts on neighbouring keys then
     * deadlock on their inserts. The pool restores the isolation level when the connection is returned.
     */
    private static DataSource readCommitted(DataSource dataSource) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                return connection;
            }
        };
    }

    /** SHA-256 of name and subject: fixed length, and no address or IP stored in clear. */
    static String key(String limitName, String subject) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha.digest((limitName + '\u0000' + subject).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireNoTransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Shared rate limits must be used outside a transaction");
        }
    }
}
