package com.clinicrecords.shared.persistence;

import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a create-if-absent write so that concurrent identical requests all get the same success. Each attempt is
 * its own transaction; when a concurrent request inserted the same row first (unique key violation) or won a
 * lock or version race, the attempt is rolled back and run again in a new transaction, which then finds the
 * committed row and answers as a repeated call would. Catching the violation beats locking beforehand: there is
 * no row to lock before the first insert, and the winner pays nothing. Callers must not run inside a transaction
 * already (a failed attempt would doom it), so service methods using this are not {@code @Transactional}.
 */
@Component
public class CreateIfAbsent {

    private static final int ATTEMPTS = 5;

    private final TransactionTemplate tx;
    private final TransactionTemplate readCommitted;

    public CreateIfAbsent(PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.readCommitted = new TransactionTemplate(transactions);
        readCommitted.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    public <T> T run(Supplier<T> attempt) {
        return run(tx, attempt);
    }

    /**
     * As {@link #run}, each attempt at READ COMMITTED: for writes that lock a row first and then read what others
     * committed while they waited for it (at REPEATABLE READ those reads would lock ranges, gaps included).
     */
    public <T> T runReadCommitted(Supplier<T> attempt) {
        return run(readCommitted, attempt);
    }

    private static <T> T run(TransactionTemplate tx, Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return tx.execute(status -> attempt.get());
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                if (i >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
