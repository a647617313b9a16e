package com.clinicrecords.identity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's pending change of email address: the new address and a keyed hash of the code sent to it. */
@Entity
@Table(name = "email_change_requests")
public class EmailChangeRequest {

    @Id
    private UUID userId;

    private String newEmail;
    private String codeHash;
    private Instant createdAt;
    private Instant expiresAt;
    private int attempts;

    protected EmailChangeRequest() {}

    EmailChangeRequest(UUID userId, String newEmail, String codeHash, Instant now, Instant expiresAt) {
        this.userId = userId;
        this.newEmail = newEmail;
        this.codeHash = codeHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean isUsable(Instant now, int maxAttempts) {
        return now.isBefore(expiresAt) && attempts < maxAttempts;
    }

    void recordWrongGuess() {
        attempts++;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
