package com.clinicrecords.analysis.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One analysis run of one image. {@code attempt} counts leases handed out; {@code activeImageId} is set while
 * the job is open (QUEUED or LEASED) and backs the one-open-job-per-image unique index.
 */
@Entity
@Table(name = "analysis_jobs")
public class AnalysisJob extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private UUID imageId;
    private UUID activeImageId;
    private UUID patientId;
    private String modality;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(16)")
    private JobStatus status;

    private int attempt;
    private Instant availableAt;
    private UUID leaseHolder;
    private Instant leaseExpiresAt;
    private String lastError;
    private UUID resultId;
    private UUID requestedBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant finishedAt;

    @Version
    private long version;

    protected AnalysisJob() {}

    AnalysisJob(UUID imageId, UUID patientId, String modality, UUID requestedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.imageId = imageId;
        this.activeImageId = imageId;
        this.patientId = patientId;
        this.modality = modality == null ? null : modality.strip().toUpperCase();
        this.status = JobStatus.QUEUED;
        this.availableAt = now;
        this.requestedBy = requestedBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    boolean isOpen() {
        return status == JobStatus.QUEUED || status == JobStatus.LEASED;
    }

    boolean isLeaseExpired(Instant now) {
        return status == JobStatus.LEASED && leaseExpiresAt != null && !leaseExpiresAt.isAfter(now);
    }

    /** The caller holds this job's lease and it has not expired. */
    boolean isHeldBy(UUID clientId, Instant now) {
        return status == JobStatus.LEASED
                && clientId.equals(leaseHolder)
                && leaseExpiresAt != null
                && leaseExpiresAt.isAfter(now);
    }

    void lease(UUID clientId, Instant expiresAt, Instant now) {
        this.status = JobStatus.LEASED;
        this.leaseHolder = clientId;
        this.leaseExpiresAt = expiresAt;
        this.attempt++;
        this.updatedAt = now;
    }

    void extendLease(Instant expiresAt, Instant now) {
        this.leaseExpiresAt = expiresAt;
        this.updatedAt = now;
    }

    void requeue(Instant availableAt, String error, Instant now) {
        this.status = JobStatus.QUEUED;
        this.availableAt = availableAt;
        this.leaseHolder = null;
        this.leaseExpiresAt = null;
        this.lastError = truncate(error);
        this.updatedAt = now;
    }

    void complete(UUID resultId, Instant now) {
        this.status = JobStatus.COMPLETED;
        this.resultId = resultId;
        this.activeImageId = null;
        this.leaseExpiresAt = null;
        this.finishedAt = now;
        this.updatedAt = now;
    }

    void fail(String error, Instant now) {
        this.status = JobStatus.FAILED;
        this.activeImageId = null;
        this.leaseExpiresAt = null;
        this.lastError = truncate(error);
        this.finishedAt = now;
        this.updatedAt = now;
    }

    void cancel(Instant now) {
        this.status = JobStatus.CANCELLED;
        this.activeImageId = null;
        this.leaseHolder = null;
        this.leaseExpiresAt = null;
        this.finishedAt = now;
        this.updatedAt = now;
    }

    private static String truncate(String s) {
        return s == null ? null : s.substring(0, Math.min(255, s.length()));
    }

    public UUID getId() {
        return id;
    }

    public UUID getImageId() {
        return imageId;
    }

    public UUID getPatientId() {
        return patientId;
    }

    public String getModality() {
        return modality;
    }

    public JobStatus getStatus() {
        return status;
    }

    public int getAttempt() {
        return attempt;
    }

    public Instant getAvailableAt() {
        return availableAt;
    }

    public UUID getLeaseHolder() {
        return leaseHolder;
    }

    public Instant getLeaseExpiresAt() {
        return leaseExpiresAt;
    }

    public String getLastError() {
        return lastError;
    }

    public UUID getResultId() {
        return resultId;
    }

    public UUID getRequestedBy() {
        return requestedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
