package com.clinicrecords.imaging.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** Image metadata as the API shows it (no storage key). */
@NamedInterface("api")
public record ImageView(
        UUID id,
        UUID patientId,
        String filename,
        String contentType,
        long sizeBytes,
        String sha256,
        UUID uploadedBy,
        Instant uploadedAt,
        String modality,
        String bodyPart,
        LocalDate studyDate,
        String description,
        ImageStatus status,
        Instant statusChangedAt,
        long version) {

    static ImageView of(MedicalImage i) {
        return new ImageView(
                i.getId(),
                i.getPatientId(),
                i.getOriginalFilename(),
                i.getContentType(),
                i.getSizeBytes(),
                i.getSha256(),
                i.getUploadedBy(),
                i.getUploadedAt(),
                i.getModality(),
                i.getBodyPart(),
                i.getStudyDate(),
                i.getDescription(),
                i.getStatus(),
                i.getStatusChangedAt(),
                i.getVersion());
    }

    /**
     * What a service client sees: no patient id, no original file name, uploader or free-text description, any
     * of which may identify the patient.
     */
    public ImageView withoutPatientDetails() {
        return new ImageView(
                id,
                null,
                "image-" + id,
                contentType,
                sizeBytes,
                sha256,
                null,
                uploadedAt,
                modality,
                bodyPart,
                studyDate,
                null,
                status,
                statusChangedAt,
                version);
    }
}
