-- Appointments between one doctor and one patient. Overlaps are prevented in the booking transaction, which
-- locks the doctor row and then the patient row (SELECT ... FOR UPDATE) before checking for clashes; the
-- (doctor_id, starts_at) and (patient_id, starts_at) indexes serve those overlap checks.
CREATE TABLE appointments (
    id               CHAR(36)     NOT NULL,
    doctor_id        CHAR(36)     NOT NULL,
    patient_id       CHAR(36)     NOT NULL,
    starts_at        DATETIME(6)  NOT NULL,
    ends_at          DATETIME(6)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    reason           VARCHAR(500) NULL,
    created_at       DATETIME(6)  NOT NULL,
    created_by       CHAR(36)     NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    cancelled_at     DATETIME(6)  NULL,
    cancelled_by     CHAR(36)     NULL,
    reminder_sent_at DATETIME(6)  NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_appointments_doctor_start (doctor_id, starts_at),
    KEY ix_appointments_patient_start (patient_id, starts_at),
    KEY ix_appointments_reminder (status, reminder_sent_at, starts_at),
    CONSTRAINT fk_appointments_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE RESTRICT,
    CONSTRAINT fk_appointments_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE RESTRICT,
    CONSTRAINT ck_appointments_status CHECK (status IN ('BOOKED', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    CONSTRAINT ck_appointments_range CHECK (ends_at > starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
