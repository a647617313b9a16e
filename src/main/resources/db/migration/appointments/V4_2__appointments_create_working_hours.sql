-- A doctor's weekly working hours (clinic-local wall-clock times), split into bookable slots of slot_minutes.
CREATE TABLE doctor_working_hours (
    id           CHAR(36)    NOT NULL,
    doctor_id    CHAR(36)    NOT NULL,
    weekday      INT         NOT NULL,
    start_time   TIME        NOT NULL,
    end_time     TIME        NOT NULL,
    slot_minutes INT         NOT NULL,
    PRIMARY KEY (id),
    KEY ix_working_hours_doctor (doctor_id, weekday),
    CONSTRAINT fk_working_hours_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE CASCADE,
    CONSTRAINT ck_working_hours_weekday CHECK (weekday BETWEEN 1 AND 7),
    CONSTRAINT ck_working_hours_range CHECK (end_time > start_time),
    CONSTRAINT ck_working_hours_slot CHECK (slot_minutes BETWEEN 5 AND 240)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
