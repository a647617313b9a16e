package com.clinicrecords.notifications.persistence;

import com.clinicrecords.notifications.domain.OutboxEmail;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EmailOutboxRepository extends JpaRepository<OutboxEmail, UUID> {

    /**
     * Locks the oldest due email for the current transaction. Rows another instance has locked are skipped,
     * so several relays never send the same email twice. Must run inside a transaction.
     */
    @Query(
            value = "SELECT * FROM email_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now "
                    + "ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    Optional<OutboxEmail> lockNextDue(@Param("now") Instant now);
}
