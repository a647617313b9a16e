package com.clinicrecords.analysis.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A machine client of the analysis queue. Its id is also the id of its ANALYSIS_SERVICE account and the
 * {@code client_id} of the client-credentials grant. Only the SHA-256 of its secret is stored.
 */
@Entity
@Table(name = "service_clients")
public class ServiceClient {

    public enum Status {
        ACTIVE,
        REVOKED
    }

    @Id
    private UUID id;

    private String name;
    private String secretHash;
    /** Comma-separated upper-case modalities this client handles; null = every image. */
    private String modalities;

    private String webhookUrl;
    private String webhookSecret;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(16)")
    private Status status;

    private Instant createdAt;
    private Instant updatedAt;
    private Instant revokedAt;

    @Version
    private long version;

    protected ServiceClient() {}

    ServiceClient(
            UUID id,
            String name,
            String secretHash,
            Set<String> modalities,
            String webhookUrl,
            String webhookSecret,
            Instant now) {
        this.id = id;
        this.name = name;
        this.secretHash = secretHash;
        this.modalities = join(modalities);
        this.webhookUrl = webhookUrl;
        this.webhookSecret = webhookSecret;
        this.status = Status.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String name, Set<String> modalities, String webhookUrl, Instant now) {
        this.name = name;
        this.modalities = join(modalities);
        this.webhookUrl = webhookUrl;
        this.updatedAt = now;
    }

    void rotate(String secretHash, String webhookSecret, Instant now) {
        this.secretHash = secretHash;
        this.webhookSecret = webhookSecret;
        this.updatedAt = now;
    }

    void revoke(Instant now) {
        if (status != Status.REVOKED) {
            this.status = Status.REVOKED;
            this.revokedAt = now;
            this.updatedAt = now;
        }
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** Whether this client takes jobs of images with the given modality. */
    public boolean handles(String modality) {
        return handles(modalities, modality);
    }

    /** Whether a client with these comma-separated modalities (null or blank: all) handles an image's modality. */
    static boolean handles(String modalities, String modality) {
        Set<String> own = modalitySet(modalities);
        return own == null || (modality != null && own.contains(modality.strip().toUpperCase()));
    }

    /** null = all modalities. */
    public Set<String> modalitySet() {
        return modalitySet(modalities);
    }

    private static Set<String> modalitySet(String modalities) {
        if (modalities == null || modalities.isBlank()) {
            return null;
        }
        return new LinkedHashSet<>(Arrays.asList(modalities.split(",")));
    }

    private static String join(Set<String> modalities) {
        return modalities == null || modalities.isEmpty() ? null : String.join(",", modalities);
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public long getVersion() {
        return version;
    }
}
