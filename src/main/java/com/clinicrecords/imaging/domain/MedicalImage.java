package com.clinicrecords.imaging.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One stored image file of a patient. The bytes are in {@code ImageStorage} under {@code storageKey}. */
@Entity
@Table(name = "images")
public class MedicalImage extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private UUID patientId;
    private String storageKey;
    private String originalFilename;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    /** sha256 while live, null once deleted: backs the unique dedup index (patient_id, live_sha256). */
    private String liveSha256;

    private UUID uploadedBy;
    private Instant uploadedAt;
    private String modality;
    private String bodyPart;
    private LocalDate studyDate;
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(16)")
    private ImageStatus status;

    private Instant statusChangedAt;
    private Instant updatedAt;

    @Version
    private long version;

    private Instant deletedAt;
    private UUID deletedBy;

    protected MedicalImage() {}

    public MedicalImage(UUID id, UUID patientId, String storageKey, StoredFile file, UUID uploadedBy, Instant now) {
        this.id = id;
        this.patientId = patientId;
        this.storageKey = storageKey;
        this.originalFilename = file.filename();
        this.contentType = file.contentType();
        this.sizeBytes = file.size();
        this.sha256 = file.sha256();
        this.liveSha256 = file.sha256();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
        this.status = ImageStatus.WAITING;
        this.statusChangedAt = now;
        this.updatedAt = now;
    }

    public void describe(String modality, String bodyPart, LocalDate studyDate, String description, Instant now) {
        this.modality = modality;
        this.bodyPart = bodyPart;
        this.studyDate = studyDate;
        this.description = description;
        this.updatedAt = now;
    }

    public void changeStatus(ImageStatus next, Instant now) {
        if (next != status) {
            this.status = next;
            this.statusChangedAt = now;
            this.updatedAt = now;
        }
    }

    public void softDelete(UUID by, Instant now) {
        this.deletedAt = now;
        this.deletedBy = by;
        this.liveSha256 = null;
        this.updatedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPatientId() {
        return patientId;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public String getOriginalFilename() {
        return originalFilename;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public UUID getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getModality() {
        return modality;
    }

    public String getBodyPart() {
        return bodyPart;
    }

    public LocalDate getStudyDate() {
        return studyDate;
    }

    public String getDescription() {
        return description;
    }

    public ImageStatus getStatus() {
        return status;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
