package com.clinicrecords.notifications.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One email waiting in (or done with) the outbox. */
@Entity
@Table(name = "email_outbox")
public class OutboxEmail extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private String recipient;
    private String subject;
    private String body;
    // The body holds a one-time secret (code, temporary password): blanked once sent or given up.
    private boolean containsSecret;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(16)")
    private EmailStatus status;

    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;

    protected OutboxEmail() {}

    OutboxEmail(String recipient, String subject, String body, boolean containsSecret, Instant now) {
        this.id = UUID.randomUUID();
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.containsSecret = containsSecret;
        this.status = EmailStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void markSent(Instant now) {
        this.status = EmailStatus.SENT;
        this.attempts++;
        this.sentAt = now;
        this.lastError = null;
        forgetSecret();
    }

    /** Schedules the next try after {@code backoff}, or gives up once {@code maxAttempts} is reached. */
    void markFailed(String error, Instant now, Duration backoff, int maxAttempts) {
        this.attempts++;
        this.lastError = error == null ? null : error.substring(0, Math.min(255, error.length()));
        if (attempts >= maxAttempts) {
            this.status = EmailStatus.FAILED;
            forgetSecret();
        } else {
            this.nextAttemptAt = now.plus(backoff);
        }
    }

    /** No secret stays at rest once the mail is out (or will never go out). */
    private void forgetSecret() {
        if (containsSecret) {
            this.body = "";
        }
    }

    public boolean containsSecret() {
        return containsSecret;
    }

    public UUID getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public EmailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
