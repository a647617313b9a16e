-- Analysis results of one image. The header row holds the current state; every content revision is kept in
-- analysis_result_versions (an amendment adds a version, earlier versions stay readable).
CREATE TABLE analysis_results (
    id                CHAR(36)     NOT NULL,
    image_id          CHAR(36)     NOT NULL,
    patient_id        CHAR(36)     NOT NULL,
    image_sha256      CHAR(64)     NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    current_version   INT          NOT NULL,
    algorithm_name    VARCHAR(100) NULL,
    algorithm_version VARCHAR(50)  NULL,
    created_by        CHAR(36)     NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    finalized_at      DATETIME(6)  NULL,
    finalized_by      CHAR(36)     NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_analysis_results_image (image_id, created_at),
    KEY ix_analysis_results_patient (patient_id, created_at),
    CONSTRAINT ck_analysis_results_status CHECK (status IN ('PRELIMINARY', 'FINAL', 'AMENDED')),
    CONSTRAINT fk_analysis_results_image FOREIGN KEY (image_id) REFERENCES images (id) ON DELETE RESTRICT,
    CONSTRAINT fk_analysis_results_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_analysis_results_creator FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- regions_json: JSON array of boxes {x, y, width, height, label, score}, validated before it is written.
CREATE TABLE analysis_result_versions (
    id             CHAR(36)    NOT NULL,
    result_id      CHAR(36)    NOT NULL,
    version_no     INT         NOT NULL,
    status         VARCHAR(16) NOT NULL,
    regions_json   LONGTEXT    NOT NULL,
    findings       TEXT        NULL,
    amend_reason   VARCHAR(500) NULL,
    author_user_id CHAR(36)    NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_analysis_result_versions UNIQUE (result_id, version_no),
    CONSTRAINT ck_analysis_result_versions_status CHECK (status IN ('PRELIMINARY', 'FINAL', 'AMENDED')),
    CONSTRAINT fk_analysis_result_versions_result FOREIGN KEY (result_id) REFERENCES analysis_results (id) ON DELETE CASCADE,
    CONSTRAINT fk_analysis_result_versions_author FOREIGN KEY (author_user_id) REFERENCES users (id) ON DELETE RESTRICT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
