package com.clinicrecords.shared.persistence;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs a transaction again when the database chose it as a deadlock victim. InnoDB then rolled the whole
 * transaction back, so nothing of it was written and running it again is safe. Only for an operation that is its
 * own transaction (not a part of a caller's): a retry inside a rolled-back transaction cannot succeed.
 */
public final class DeadlockRetry {

    private DeadlockRetry() {}

    /**
     * {@code operation}, up to {@code attempts} times while it fails as a deadlock victim, with a short random
     * pause (a few milliseconds, growing) so that the two sides do not meet again at once. Any other failure, and
     * the last deadlock, is thrown as it is.
     */
    public static <T> T run(int attempts, Supplier<T> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isDeadlock(e)) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(
                        ThreadLocalRandom.current().nextInt(1, 5 * attempt)));
            }
        }
    }

    /**
     * Whether the failure, or one of its causes, is a deadlock rollback: SQLSTATE 40001 or MySQL/MariaDB error
     * 1213, whether the driver's exception reached here as it was or translated by Spring or Hibernate.
     */
    public static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213)) {
                return true;
            }
        }
        return false;
    }
}
