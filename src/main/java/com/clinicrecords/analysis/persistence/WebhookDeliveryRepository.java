package com.clinicrecords.analysis.persistence;

import com.clinicrecords.analysis.domain.WebhookDelivery;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, UUID> {

    /**
     * Locks the oldest due delivery for the current transaction; rows another relay has locked are skipped, so
     * several instances never send the same delivery twice. Must run inside a transaction.
     */
    @Query(
            value = "SELECT * FROM analysis_webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= :now "
                    + "ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    Optional<WebhookDelivery> lockNextDue(@Param("now") Instant now);
}
