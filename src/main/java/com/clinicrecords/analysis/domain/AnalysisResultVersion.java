package com.clinicrecords.analysis.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One content revision of a result. Never changed after release: an amendment adds a new row. */
@Entity
@Table(name = "analysis_result_versions")
public class AnalysisResultVersion extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private UUID resultId;
    private int versionNo;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(16)")
    private ResultStatus status;

    private String regionsJson;
    private String findings;
    private String amendReason;
    private UUID authorUserId;
    private Instant createdAt;

    protected AnalysisResultVersion() {}

    public AnalysisResultVersion(
            UUID resultId,
            int versionNo,
            ResultStatus status,
            String regionsJson,
            String findings,
            String amendReason,
            UUID authorUserId,
            Instant now) {
        this.id = UUID.randomUUID();
        this.resultId = resultId;
        this.versionNo = versionNo;
        this.status = status;
        this.regionsJson = regionsJson;
        this.findings = findings;
        this.amendReason = amendReason;
        this.authorUserId = authorUserId;
        this.createdAt = now;
    }

    /** A preliminary version becomes final in place when signed off (its content does not change). */
    void markFinal() {
        this.status = ResultStatus.FINAL;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public ResultStatus getStatus() {
        return status;
    }

    public String getRegionsJson() {
        return regionsJson;
    }

    public String getFindings() {
        return findings;
    }

    public String getAmendReason() {
        return amendReason;
    }

    public UUID getAuthorUserId() {
        return authorUserId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
