package com.clinicrecords.patients.persistence;

import com.clinicrecords.shared.domain.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Row locks on a doctor and a patient (portable to MySQL 8.4 and MariaDB 11.4). Bookings use them to
 * serialise per doctor and per patient: the doctor row and then the patient row are read FOR UPDATE, and
 * whoever holds both checks for overlaps and inserts; a competing booking waits, then sees the committed row
 * and gets a 409. Every writer that needs both rows (bookings, visits) must take them through here, always
 * doctor first, so no two transactions can wait on each other in a cycle. Link changes and image deletions take
 * the patient's row alone ({@link #lockPatient}), first, before they change the rows the lists derive from links
 * (linked_patient_appointments, linked_patient_images), and no doctor's row after it.
 */
@NamedInterface("api")
@Component
public class DoctorPatientLocks {

    private final JdbcTemplate jdbc;

    public DoctorPatientLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lockDoctorThenPatient(UUID doctorId, UUID patientId) {
        lock("select id from doctors where id = ? for update", doctorId, "Doctor");
        lock("select id from patients where id = ? and deleted_at is null for update", patientId, "Patient");
    }

    /**
     * The patient's row alone, deleted or not, if there is one (the caller's own checks answer for a missing
     * patient): link changes take it, so that they and the bookings of that patient (which take it too) change
     * the rows derived from both one after the other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockPatient(UUID patientId) {
        jdbc.queryForList("select id from patients where id = ? for update", String.class, patientId.toString());
    }

    private void lock(String sql, UUID id, String resource) {
        List<String> rows = jdbc.queryForList(sql, String.class, id.toString());
        if (rows.isEmpty()) {
            throw NotFoundException.of(resource);
        }
    }
}
