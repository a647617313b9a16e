package com.clinicrecords.identity.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One login on one device. Access tokens carry its id ({@code sid}); revoking it stops both the refresh
 * token and every access token already handed out for it.
 */
@Entity
@Table(name = "auth_sessions")
public class AuthSession extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private UUID userId;
    private Instant createdAt;
    private Instant lastUsedAt;
    private Instant absoluteExpiresAt;
    private Instant revokedAt;
    private String revokeReason;
    private String userAgent;
    private String clientIp;

    protected AuthSession() {}

    public AuthSession(UUID userId, Instant now, Duration absoluteLifetime, String userAgent, String clientIp) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.absoluteExpiresAt = now.plus(absoluteLifetime);
        this.userAgent = userAgent;
        this.clientIp = clientIp;
    }

    public boolean isActive(Instant now, Duration idleTimeout) {
        return revokedAt == null && now.isBefore(absoluteExpiresAt) && now.isBefore(lastUsedAt.plus(idleTimeout));
    }

    public void touch(Instant now) {
        this.lastUsedAt = now;
    }

    public void revoke(Instant now, String reason) {
        if (revokedAt == null) {
            this.revokedAt = now;
            this.revokeReason = reason;
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getAbsoluteExpiresAt() {
        return absoluteExpiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokeReason() {
        return revokeReason;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getClientIp() {
        return clientIp;
    }
}
