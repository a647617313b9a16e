package com.clinicrecords.analysis.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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
            @Nullable String algorithmName,
            @Nullable String algorithmVersion,
            UUID createdBy,
            Instant createdAt,
            @Nullable Instant finalizedAt,
            @Nullable UUID finalizedBy,
            List<Region> regions,
            @Nullable String findings,
            long version,
            @Nullable List<VersionView> history) {}

    public record VersionView(
            int versionNo,
            ResultStatus status,
            List<Region> regions,
            @Nullable String findings,
            @Nullable String amendReason,
            UUID authorUserId,
            Instant createdAt) {}

    public record CreateResult(
            String imageSha256,
            String algorithmName,
            String algorithmVersion,
            List<Region> regions,
            @Nullable String findings) {}

    public record AmendResult(
            List<Region> regions, @Nullable String findings, String reason) {}
}
