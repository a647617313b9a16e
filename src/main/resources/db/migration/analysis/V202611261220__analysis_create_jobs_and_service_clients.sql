-- Automatic analysis: machine accounts (service clients), the job queue with leases, and the webhook outbox.

-- A service client is backed by a users row with the ANALYSIS_SERVICE role (same id), so sessions, token
-- revocation and the audit trail (actor_user_id = the client id) work as for any account. Only the SHA-256 of
-- the client secret is kept (it is 256 random bits, so a slow password hash adds nothing). The webhook
-- signing secret must be readable by the server to sign with, so it is stored as issued.
CREATE TABLE service_clients (
    id             CHAR(36)      NOT NULL,
    name           VARCHAR(100)  NOT NULL,
    secret_hash    CHAR(64)      NOT NULL,
    modalities     VARCHAR(255)  NULL,
    webhook_url    VARCHAR(2000) NULL,
    webhook_secret VARCHAR(128)  NULL,
    status         VARCHAR(16)   NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    revoked_at     DATETIME(6)   NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ck_service_clients_status CHECK (status IN ('ACTIVE', 'REVOKED')),
    CONSTRAINT fk_service_clients_user FOREIGN KEY (id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per analysis run of an image. active_image_id equals image_id while the job is QUEUED or LEASED
-- and is NULL afterwards: its unique index allows at most one open job per image (NULLs never collide).
CREATE TABLE analysis_jobs (
    id               CHAR(36)     NOT NULL,
    image_id         CHAR(36)     NOT NULL,
    active_image_id  CHAR(36)     NULL,
    patient_id       CHAR(36)     NOT NULL,
    modality         VARCHAR(16)  NULL,
    status           VARCHAR(16)  NOT NULL,
    attempt          INT          NOT NULL DEFAULT 0,
    available_at     DATETIME(6)  NOT NULL,
    lease_holder     CHAR(36)     NULL,
    lease_expires_at DATETIME(6)  NULL,
    last_error       VARCHAR(255) NULL,
    result_id        CHAR(36)     NULL,
    requested_by     CHAR(36)     NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    finished_at      DATETIME(6)  NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_analysis_jobs_active_image UNIQUE (active_image_id),
    KEY ix_analysis_jobs_queue (status, available_at),
    KEY ix_analysis_jobs_lease (status, lease_expires_at),
    KEY ix_analysis_jobs_image (image_id, created_at),
    KEY ix_analysis_jobs_holder (lease_holder, image_id),
    CONSTRAINT ck_analysis_jobs_status CHECK (status IN ('QUEUED', 'LEASED', 'COMPLETED', 'FAILED', 'CANCELLED')),
    CONSTRAINT fk_analysis_jobs_image FOREIGN KEY (image_id) REFERENCES images (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Webhook outbox: written in the transaction that queues a job, sent by a relay (FOR UPDATE SKIP LOCKED).
CREATE TABLE analysis_webhook_deliveries (
    id              CHAR(36)     NOT NULL,
    client_id       CHAR(36)     NOT NULL,
    job_id          CHAR(36)     NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    last_error      VARCHAR(255) NULL,
    created_at      DATETIME(6)  NOT NULL,
    sent_at         DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_webhook_deliveries_due (status, next_attempt_at),
    KEY ix_webhook_deliveries_job (job_id),
    CONSTRAINT ck_webhook_deliveries_status CHECK (status IN ('PENDING', 'SENT', 'SKIPPED', 'FAILED')),
    CONSTRAINT fk_webhook_deliveries_client FOREIGN KEY (client_id) REFERENCES service_clients (id) ON DELETE CASCADE,
    CONSTRAINT fk_webhook_deliveries_job FOREIGN KEY (job_id) REFERENCES analysis_jobs (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every image already waiting gets a job, so nothing uploaded before this release stays WAITING forever.
INSERT INTO analysis_jobs (id, image_id, active_image_id, patient_id, modality, status, attempt, available_at,
                           created_at, updated_at)
SELECT UUID(), id, id, patient_id, modality, 'QUEUED', 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM images WHERE status = 'WAITING' AND deleted_at IS NULL;
