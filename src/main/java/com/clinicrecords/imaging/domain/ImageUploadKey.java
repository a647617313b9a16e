package com.clinicrecords.imaging.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Remembers the answer to an upload sent with an Idempotency-Key, so a retry gets the same answer. */
@Entity
@Table(name = "image_upload_keys")
public class ImageUploadKey {

    @EmbeddedId
    private Key id;

    private UUID patientId;
    private UUID imageId;
    private int responseStatus;
    private Instant createdAt;

    protected ImageUploadKey() {}

    public ImageUploadKey(UUID userId, String key, UUID patientId, UUID imageId, int responseStatus, Instant now) {
        this.id = new Key(userId, key);
        this.patientId = patientId;
        this.imageId = imageId;
        this.responseStatus = responseStatus;
        this.createdAt = now;
    }

    public UUID getPatientId() {
        return patientId;
    }

    public UUID getImageId() {
        return imageId;
    }

    public int getResponseStatus() {
        return responseStatus;
    }

    @Embeddable
    public record Key(UUID userId, String idempotencyKey) implements Serializable {}
}
