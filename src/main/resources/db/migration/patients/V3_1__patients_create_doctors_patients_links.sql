-- Clinical people: doctor and patient profiles (each owned by a user account; a person can be both)
-- and the doctor-patient links that decide who may see a patient's records.

CREATE TABLE specializations (
    id         CHAR(36)     NOT NULL,
    name       VARCHAR(100) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_specializations_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE doctors (
    id                CHAR(36)    NOT NULL,
    user_id           CHAR(36)    NOT NULL,
    specialization_id CHAR(36)    NULL,
    created_at        DATETIME(6) NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    version           BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_doctors_user UNIQUE (user_id),
    KEY ix_doctors_specialization (specialization_id),
    CONSTRAINT fk_doctors_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_doctors_specialization FOREIGN KEY (specialization_id) REFERENCES specializations (id) ON DELETE RESTRICT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Medical records are soft-deleted only (deleted_at/by/reason), never removed by ordinary users.
CREATE TABLE patients (
    id                  CHAR(36)     NOT NULL,
    user_id             CHAR(36)     NULL,
    first_name          VARCHAR(100) NOT NULL,
    last_name           VARCHAR(100) NOT NULL,
    date_of_birth       DATE         NULL,
    gender              VARCHAR(16)  NULL,
    insurance_number    VARCHAR(64)  NULL,
    room                VARCHAR(32)  NULL,
    bed                 VARCHAR(32)  NULL,
    diagnosis           TEXT         NULL,
    prescribed_medicine TEXT         NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    deleted_at          DATETIME(6)  NULL,
    deleted_by          CHAR(36)     NULL,
    delete_reason       VARCHAR(255) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_patients_user UNIQUE (user_id),
    KEY ix_patients_name (last_name, first_name),
    CONSTRAINT fk_patients_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per doctor/patient pair; removing a link sets removed_at (history stays), linking again clears it.
CREATE TABLE doctor_patient_links (
    doctor_id  CHAR(36)    NOT NULL,
    patient_id CHAR(36)    NOT NULL,
    linked_at  DATETIME(6) NOT NULL,
    linked_by  CHAR(36)    NULL,
    removed_at DATETIME(6) NULL,
    removed_by CHAR(36)    NULL,
    PRIMARY KEY (doctor_id, patient_id),
    KEY ix_links_patient (patient_id, removed_at),
    CONSTRAINT fk_links_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE CASCADE,
    CONSTRAINT fk_links_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
