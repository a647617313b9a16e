package com.clinicrecords.imaging.persistence;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of {@code linked_patient_images} (see its migration): exactly the live images of live patients each
 * doctor is linked to, in upload order (whether the doctor is active is checked when read). Every change runs in
 * the transaction that changes the image, the link or the patient's record.
 */
@Repository
public class LinkedPatientImages {

    private final JdbcTemplate jdbc;

    public LinkedPatientImages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new image (flushed): one row per doctor with a link to its live patient, its upload time copied from it.
     * The transaction runs at REPEATABLE READ and takes no lock first: this statement reads the patient's row and
     * links with locks (as INSERT ... SELECT does there), so it waits for a link change or a record deletion of the
     * patient in progress and then sees it; a link change that starts later waits for this transaction instead
     * (the read locked the gap its link row goes into), and then reads this image as committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void uploaded(UUID imageId) {
        jdbc.update(
                "insert into linked_patient_images (patient_id, image_id, doctor_id, uploaded_at) "
                        + "select i.patient_id, i.id, l.doctor_id, i.uploaded_at from images i "
                        + "join patients p on p.id = i.patient_id and p.deleted_at is null "
                        + "join doctor_patient_links l on l.patient_id = i.patient_id and l.removed_at is null "
                        + "where i.id = ?",
                imageId.toString());
    }

    /** A deleted image: its rows go. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(UUID imageId, UUID patientId) {
        jdbc.update(
                "delete from linked_patient_images where patient_id = ? and image_id = ?",
                patientId.toString(),
                imageId.toString());
    }

    /** A deleted patient record: its rows go (the doctors' totals count these rows, see ImageListQueries). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void patientDeleted(UUID patientId) {
        jdbc.update("delete from linked_patient_images where patient_id = ?", patientId.toString());
    }

    /** A new or re-activated link: the doctor's rows for all of the patient's live images, replaced whole. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void linked(UUID doctorId, UUID patientId) {
        unlinked(doctorId, patientId);
        jdbc.update(
                "insert into linked_patient_images (patient_id, image_id, doctor_id, uploaded_at) "
                        + "select i.patient_id, i.id, ?, i.uploaded_at from images i "
                        + "where i.patient_id = ? and i.deleted_at is null",
                doctorId.toString(),
                patientId.toString());
    }

    /** A removed link: the doctor's rows for the patient go. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unlinked(UUID doctorId, UUID patientId) {
        jdbc.update(
                "delete from linked_patient_images where patient_id = ? and doctor_id = ?",
                patientId.toString(),
                doctorId.toString());
    }
}
