package com.clinicrecords.appointments.persistence;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of {@code linked_patient_appointments} (see its migration): which appointments each doctor sees
 * through links, in start order. Every change runs in the transaction that changes the appointment or the link,
 * after it took the patient's row lock, so a booking and a new link of the same patient never miss each other.
 */
@Repository
public class LinkedPatientAppointments {

    private final JdbcTemplate jdbc;

    public LinkedPatientAppointments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new appointment (flushed): one row per doctor with a link to its patient, its start copied from it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void booked(UUID appointmentId) {
        jdbc.update(
                "insert into linked_patient_appointments (patient_id, appointment_id, doctor_id, starts_at) "
                        + "select a.patient_id, a.id, l.doctor_id, a.starts_at from appointments a "
                        + "join doctor_patient_links l on l.patient_id = a.patient_id and l.removed_at is null "
                        + "where a.id = ?",
                appointmentId.toString());
    }

    /**
     * A rescheduled appointment (flushed): its rows take its new start, copied from it (the list's cursors carry
     * the appointment's start and are compared with these rows' copies).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moved(UUID appointmentId, UUID patientId) {
        jdbc.update(
                "update linked_patient_appointments la join appointments a on a.id = la.appointment_id "
                        + "set la.starts_at = a.starts_at where la.patient_id = ? and la.appointment_id = ?",
                patientId.toString(),
                appointmentId.toString());
    }

    /** A new or re-activated link: the doctor's rows for all of the patient's appointments, replaced whole. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void linked(UUID doctorId, UUID patientId) {
        unlinked(doctorId, patientId);
        jdbc.update(
                "insert into linked_patient_appointments (patient_id, appointment_id, doctor_id, starts_at) "
                        + "select a.patient_id, a.id, ?, a.starts_at from appointments a where a.patient_id = ?",
                doctorId.toString(),
                patientId.toString());
    }

    /** A removed link: the doctor's rows for the patient go. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unlinked(UUID doctorId, UUID patientId) {
        jdbc.update(
                "delete from linked_patient_appointments where patient_id = ? and doctor_id = ?",
                patientId.toString(),
                doctorId.toString());
    }
}
