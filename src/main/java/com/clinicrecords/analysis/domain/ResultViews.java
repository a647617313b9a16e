package com.clinicrecords.analysis.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class ResultViews {

    private ResultViews() {}

    /** A result with its current content; {@code history} (all versions, oldest first) only on single reads. */
    public record ResultView(
            UUID id,
            UUID imageId,
            UUID patientId,
            String imageSha256,
            ResultStatus status,
            int currentVersion,
            String algorithmName,
            String algorithmVersion,
            UUID createdBy,
            Instant createdAt,
            Instant finalizedAt,
            UUID finalizedBy,
            List<Region> regions,
            String findings,
            long version,
            List<VersionView> history) {}

    public record VersionView(
            int versionNo,
            ResultStatus status,
            List<Region> regions,
            String findings,
            String amendReason,
            UUID authorUserId,
            Instant createdAt) {}

    public record CreateResult(
            String imageSha256, String algorithmName, String algorithmVersion, List<Region> regions, String findings) {}

    public record AmendResult(List<Region> regions, String findings, String reason) {}
}
