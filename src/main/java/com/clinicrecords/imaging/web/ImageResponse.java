package com.clinicrecords.imaging.web;

import com.clinicrecords.imaging.domain.ImageResultSummaries;
import com.clinicrecords.imaging.domain.ImageStatus;
import com.clinicrecords.imaging.domain.ImageView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record ImageResponse(
        UUID id,
        UUID patientId,
        String filename,
        String contentType,
        long sizeBytes,
        String sha256,
        UUID uploadedBy,
        Instant uploadedAt,
        @Nullable String modality,
        @Nullable String bodyPart,
        @Nullable LocalDate studyDate,
        @Nullable String description,
        ImageStatus status,
        @Nullable Instant statusChangedAt,
        long version,
        String contentUrl,
        List<ImageResultSummaries.ResultSummary> results) {

    static ImageResponse of(ImageView v) {
        return of(v, null);
    }

    /** With the ids and statuses of the image's results the caller may see. */
    static ImageResponse of(ImageView v, List<ImageResultSummaries.ResultSummary> results) {
        return new ImageResponse(
                v.id(),
                v.patientId(),
                v.filename(),
                v.contentType(),
                v.sizeBytes(),
                v.sha256(),
                v.uploadedBy(),
                v.uploadedAt(),
                v.modality(),
                v.bodyPart(),
                v.studyDate(),
                v.description(),
                v.status(),
                v.statusChangedAt(),
                v.version(),
                "/api/images/" + v.id() + "/content",
                results);
    }
}
