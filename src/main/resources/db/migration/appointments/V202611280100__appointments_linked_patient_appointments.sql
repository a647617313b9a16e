-- A doctor's appointment list in start order without sorting every appointment of every linked patient: one row
-- per (active link, appointment of the linked patient), so "the appointments of my linked patients, by start"
-- is one range of ix_linked_appointments_doctor_start. A doctor with 200 linked patients of 20 appointments
-- each otherwise reads and sorts 4,000 rows for every page.
-- The rows only give the order: every read still joins the link (not removed) and the doctor (active), so a
-- row that outlived its link could never show anything. They are kept in step in the transactions that change
-- them, each holding the patient's row lock (so a booking and a new link cannot miss each other): a booking adds
-- the rows of the patient's links, a reschedule moves them, a link adds the rows of the patient's appointments
-- and an unlink removes them. Appointments and links are never deleted (only cancelled or marked removed).
-- The primary key serves those changes (by patient, appointment), the second index the list (by doctor, start,
-- appointment: the appointment id breaks ties for keyset paging).
CREATE TABLE linked_patient_appointments (
    patient_id     CHAR(36)    NOT NULL,
    appointment_id CHAR(36)    NOT NULL,
    doctor_id      CHAR(36)    NOT NULL,
    starts_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (patient_id, appointment_id, doctor_id),
    KEY ix_linked_appointments_doctor_start (doctor_id, starts_at, appointment_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO linked_patient_appointments (patient_id, appointment_id, doctor_id, starts_at)
SELECT a.patient_id, a.id, l.doctor_id, a.starts_at
FROM doctor_patient_links l
JOIN appointments a ON a.patient_id = l.patient_id
WHERE l.removed_at IS NULL;
