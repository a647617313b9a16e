-- Medical images. The bytes live in object storage under a server-generated storage_key; this row is
-- written only after the bytes were fully received, checked and moved to their final key.
-- live_sha256 equals sha256 while the image is not deleted and is NULL afterwards: the unique index on
-- (patient_id, live_sha256) deduplicates uploads of the same bytes for a patient (NULLs never collide,
-- on MySQL and MariaDB alike), and a soft-deleted image does not block uploading those bytes again.
CREATE TABLE images (
    id                CHAR(36)     NOT NULL,
    patient_id        CHAR(36)     NOT NULL,
    storage_key       VARCHAR(255) NOT NULL,
    original_filename VARCHAR(255) NOT NULL,
    content_type      VARCHAR(100) NOT NULL,
    size_bytes        BIGINT       NOT NULL,
    sha256            CHAR(64)     NOT NULL,
    live_sha256       CHAR(64)     NULL,
    uploaded_by       CHAR(36)     NOT NULL,
    uploaded_at       DATETIME(6)  NOT NULL,
    modality          VARCHAR(16)  NULL,
    body_part         VARCHAR(64)  NULL,
    study_date        DATE         NULL,
    description       VARCHAR(1000) NULL,
    status            VARCHAR(16)  NOT NULL,
    status_changed_at DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    deleted_at        DATETIME(6)  NULL,
    deleted_by        CHAR(36)     NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_images_storage_key UNIQUE (storage_key),
    CONSTRAINT uk_images_patient_live_sha UNIQUE (patient_id, live_sha256),
    KEY ix_images_patient_uploaded (patient_id, deleted_at, uploaded_at),
    KEY ix_images_patient_status (patient_id, status),
    CONSTRAINT ck_images_status CHECK (status IN ('WAITING', 'PROCESSING', 'PROCESSED', 'FAILED')),
    CONSTRAINT fk_images_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_images_uploader FOREIGN KEY (uploaded_by) REFERENCES users (id) ON DELETE RESTRICT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Idempotency-Key of an upload, per calling user: a retried request with the same key gets the same answer
-- without storing the bytes again.
CREATE TABLE image_upload_keys (
    user_id         CHAR(36)    NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    patient_id      CHAR(36)    NOT NULL,
    image_id        CHAR(36)    NOT NULL,
    response_status INT         NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, idempotency_key),
    KEY ix_image_upload_keys_image (image_id),
    KEY ix_image_upload_keys_created (created_at),
    CONSTRAINT fk_image_upload_keys_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_image_upload_keys_image FOREIGN KEY (image_id) REFERENCES images (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
