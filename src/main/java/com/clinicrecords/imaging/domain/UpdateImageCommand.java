package com.clinicrecords.imaging.domain;

import java.time.LocalDate;

/**
 * New descriptive metadata; {@code expectedVersion} guards against lost updates (null = not checked).
 * {@code partial} (PATCH): null fields keep their value; otherwise (PUT) every field is replaced.
 */
public record UpdateImageCommand(
        String modality,
        String bodyPart,
        LocalDate studyDate,
        String description,
        Long expectedVersion,
        boolean partial) {

    UpdateImageCommand mergedWith(MedicalImage current) {
        if (!partial) {
            return this;
        }
        return new UpdateImageCommand(
                modality != null ? modality : current.getModality(),
                bodyPart != null ? bodyPart : current.getBodyPart(),
                studyDate != null ? studyDate : current.getStudyDate(),
                description != null ? description : current.getDescription(),
                expectedVersion,
                false);
    }
}
