package com.clinicrecords.imaging.web;

import com.clinicrecords.imaging.domain.ImageStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

final class ImageRequests {

    private ImageRequests() {}

    /** Descriptive fields of an image; {@code version} (or If-Match) protects against lost updates. */
    record UpdateImage(
            @Size(max = 16) String modality,
            @Size(max = 64) String bodyPart,
            LocalDate studyDate,
            @Size(max = 1000) String description,
            Long version) {}

    record ChangeStatus(@NotNull ImageStatus status) {}
}
