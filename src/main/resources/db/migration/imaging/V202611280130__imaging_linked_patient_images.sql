-- A doctor's image search, newest first, without sorting every image of every linked patient: one row per
-- (active link, live image of the live linked patient), so "the images of my linked patients, newest first" is
-- one range of ix_linked_images_doctor_uploaded read backwards. A page still joins the link (not removed), the
-- doctor (active), the image (not deleted) and the patient (not deleted) for each row; the total of a full page
-- counts the doctor's rows alone.
-- Kept in step in the transactions that change them: an upload adds the rows of the patient's links, an
-- image's deletion removes its rows, a link adds the rows of the patient's live images, an unlink removes them,
-- and so does the deletion of the patient's record (LinkedPatientImages says how they stay out of each other's
-- way).
-- Images and patients are never deleted outright (only marked deleted).
CREATE TABLE linked_patient_images (
    patient_id  CHAR(36)    NOT NULL,
    image_id    CHAR(36)    NOT NULL,
    doctor_id   CHAR(36)    NOT NULL,
    uploaded_at DATETIME(6) NOT NULL,
    PRIMARY KEY (patient_id, image_id, doctor_id),
    KEY ix_linked_images_doctor_uploaded (doctor_id, uploaded_at, image_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO linked_patient_images (patient_id, image_id, doctor_id, uploaded_at)
SELECT i.patient_id, i.id, l.doctor_id, i.uploaded_at
FROM doctor_patient_links l
JOIN images i ON i.patient_id = l.patient_id
JOIN patients p ON p.id = l.patient_id
WHERE l.removed_at IS NULL AND i.deleted_at IS NULL AND p.deleted_at IS NULL;
