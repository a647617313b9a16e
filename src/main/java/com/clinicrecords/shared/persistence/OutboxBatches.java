package com.clinicrecords.shared.persistence;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loop of an outbox relay (emails, webhooks): one due row per transaction, so a slow or failing delivery
 * never holds the locks of the others, up to a batch per run.
 */
public final class OutboxBatches {

    private OutboxBatches() {}

    /**
     * Runs {@code relayOne} in a transaction of its own up to {@code batchSize} times, stopping early when it
     * answers null (nothing due); returns how many times it answered true (delivered).
     */
    public static int relay(TransactionTemplate tx, int batchSize, Supplier<@Nullable Boolean> relayOne) {
        int sent = 0;
        for (int i = 0; i < batchSize; i++) {
            Boolean result = tx.execute(status -> relayOne.get());
            if (result == null) {
                break;
            }
            if (result) {
                sent++;
            }
        }
        return sent;
    }
}
