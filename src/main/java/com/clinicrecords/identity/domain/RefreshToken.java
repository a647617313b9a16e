package com.clinicrecords.identity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The stored half of an opaque refresh token: only its SHA-256, never the token itself. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    @Id
    private String tokenHash;

    private UUID sessionId;
    private Instant issuedAt;
    private Instant usedAt;

    protected RefreshToken() {}

    public RefreshToken(String tokenHash, UUID sessionId, Instant now) {
        this.tokenHash = tokenHash;
        this.sessionId = sessionId;
        this.issuedAt = now;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public UUID getSessionId() {
        return sessionId;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
