package com.clinicrecords.analysis.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One webhook offer of one job to one service client, waiting in (or done with) the outbox. */
@Entity
@Table(name = "analysis_webhook_deliveries")
public class WebhookDelivery extends AssignedIdEntity<UUID> {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String SKIPPED = "SKIPPED";
    static final String FAILED = "FAILED";

    @Id
    private UUID id;

    private UUID clientId;
    private UUID jobId;

    @Column(columnDefinition = "varchar(16)")
    private String status;

    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;

    protected WebhookDelivery() {}

    WebhookDelivery(UUID clientId, UUID jobId, Instant due, Instant now) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.jobId = jobId;
        this.status = PENDING;
        this.nextAttemptAt = due;
        this.createdAt = now;
    }

    void markSent(Instant now) {
        this.status = SENT;
        this.attempts++;
        this.sentAt = now;
        this.lastError = null;
    }

    /** The job was taken, finished or the client can no longer receive it: nothing to send. */
    void skip(String reason) {
        this.status = SKIPPED;
        this.lastError = reason;
    }

    void postpone(Instant until) {
        this.nextAttemptAt = until;
    }

    void markFailed(String error, Instant now, Duration backoff, int maxAttempts) {
        this.attempts++;
        this.lastError = error == null ? null : error.substring(0, Math.min(255, error.length()));
        if (attempts >= maxAttempts) {
            this.status = FAILED;
        } else {
            this.nextAttemptAt = now.plus(backoff);
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public UUID getJobId() {
        return jobId;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }
}
