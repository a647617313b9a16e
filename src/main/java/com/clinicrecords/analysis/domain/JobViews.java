package com.clinicrecords.analysis.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public final class JobViews {

    private JobViews() {}

    /** What a service client gets for a claimed job: enough to fetch and check the bytes, no patient data. */
    public record ClaimedJob(
            UUID id,
            UUID imageId,
            String imageSha256,
            String contentType,
            long sizeBytes,
            @Nullable String modality,
            @Nullable String bodyPart,
            String contentUrl,
            Instant leaseExpiresAt,
            int attempt) {}

    public record Claimed(List<ClaimedJob> jobs) {}

    /** The state of a job. */
    public record JobView(
            UUID id,
            UUID imageId,
            JobStatus status,
            int attempt,
            Instant availableAt,
            @Nullable Instant leaseExpiresAt,
            @Nullable String lastError,
            @Nullable UUID resultId,
            Instant createdAt,
            @Nullable Instant finishedAt) {

        static JobView of(AnalysisJob j) {
            return new JobView(
                    j.getId(),
                    j.getImageId(),
                    j.getStatus(),
                    j.getAttempt(),
                    j.getAvailableAt(),
                    j.getLeaseExpiresAt(),
                    j.getLastError(),
                    j.getResultId(),
                    j.getCreatedAt(),
                    j.getFinishedAt());
        }
    }

    /** A service client as admins see it; never its secrets. */
    public record ServiceClientView(
            UUID id,
            String clientId,
            String name,
            @Nullable Set<String> modalities,
            @Nullable String webhookUrl,
            ServiceClient.Status status,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant revokedAt) {

        static ServiceClientView of(ServiceClient c) {
            return new ServiceClientView(
                    c.getId(),
                    c.getId().toString(),
                    c.getName(),
                    c.modalitySet(),
                    c.getWebhookUrl(),
                    c.getStatus(),
                    c.getCreatedAt(),
                    c.getUpdatedAt(),
                    c.getRevokedAt());
        }
    }

    /**
     * A client with its freshly issued secrets: answered once, on creation or rotation, and never stored in
     * readable form (the webhook secret is kept to sign with, but no endpoint returns it again).
     */
    public record IssuedCredentials(ServiceClientView client, String clientSecret, String webhookSecret) {}

    public record ClientSettings(String name, Set<String> modalities, String webhookUrl) {}
}
