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

/** The current state of one analysis of one image; its content revisions are {@link AnalysisResultVersion}s. */
@Entity
@Table(name = "analysis_results")
public class AnalysisResult extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private UUID imageId;
    private UUID patientId;
    private String imageSha256;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(16)")
    private ResultStatus status;

    private int currentVersion;
    private String algorithmName;
    private String algorithmVersion;
    private UUID createdBy;
    private Instant createdAt;
    private Instant finalizedAt;
    private UUID finalizedBy;
    private Instant updatedAt;

    @Version
    private long version;

    protected AnalysisResult() {}

    public AnalysisResult(
            UUID imageId,
            UUID patientId,
            String imageSha256,
            String algorithmName,
            String algorithmVersion,
            UUID createdBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.imageId = imageId;
        this.patientId = patientId;
        this.imageSha256 = imageSha256;
        this.status = ResultStatus.PRELIMINARY;
        this.currentVersion = 1;
        this.algorithmName = algorithmName;
        this.algorithmVersion = algorithmVersion;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void finalizeBy(UUID by, Instant now) {
        this.status = ResultStatus.FINAL;
        this.finalizedAt = now;
        this.finalizedBy = by;
        this.updatedAt = now;
    }

    /** @return the number of the new version */
    int amend(Instant now) {
        this.status = ResultStatus.AMENDED;
        this.currentVersion++;
        this.updatedAt = now;
        return currentVersion;
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

    public String getImageSha256() {
        return imageSha256;
    }

    public ResultStatus getStatus() {
        return status;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public String getAlgorithmName() {
        return algorithmName;
    }

    public String getAlgorithmVersion() {
        return algorithmVersion;
    }

    public UUID getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinalizedAt() {
        return finalizedAt;
    }

    public UUID getFinalizedBy() {
        return finalizedBy;
    }

    public long getVersion() {
        return version;
    }
}
