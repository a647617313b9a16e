-- Visits recorded by a linked doctor. Visits are history: they are never updated or deleted.
CREATE TABLE visits (
    id                  CHAR(36)    NOT NULL,
    patient_id          CHAR(36)    NOT NULL,
    doctor_id           CHAR(36)    NOT NULL,
    visited_at          DATETIME(6) NOT NULL,
    notes               TEXT        NULL,
    diagnosis           TEXT        NULL,
    prescribed_medicine TEXT        NULL,
    created_at          DATETIME(6) NOT NULL,
    created_by          CHAR(36)    NOT NULL,
    PRIMARY KEY (id),
    KEY ix_visits_patient (patient_id, visited_at),
    KEY ix_visits_doctor (doctor_id, visited_at),
    CONSTRAINT fk_visits_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE RESTRICT,
    CONSTRAINT fk_visits_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE RESTRICT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Lookups used by doctor lists and link queries.
CREATE INDEX ix_links_doctor ON doctor_patient_links (doctor_id, removed_at);
