package com.clinicrecords.identity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The stored half of a password reset token: its SHA-256 only. Single use, short-lived. */
@Entity
@Table(name = "password_reset_tokens")
public class PasswordResetToken {

    @Id
    private String tokenHash;

    private UUID userId;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;

    protected PasswordResetToken() {}

    PasswordResetToken(String tokenHash, UUID userId, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public UUID getUserId() {
        return userId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
