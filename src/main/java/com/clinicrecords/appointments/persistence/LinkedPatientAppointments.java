package com.clinicrecords.appointments.persistence;

import static com.clinicrecords.shared.persistence.JdbcValues.utc;

import java.time.Instant;
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

    /** A new appointment: one row per doctor with a link to its patient. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void booked(UUID appointmentId, UUID patientId, Instant startsAt) {
        jdbc.update(
                "insert into linked_patient_appointments (patient_id, appointment_id, doctor_id, starts_at) "
                        + "select l.patient_id, ?, l.doctor_id, ? from doctor_patient_links l "
                        + "where l.patient_id = ? and l.removed_at is null",
                appointmentId.toString(),
                utc(startsAt),
                patientId.toString());
    }

    /** A rescheduled appointment: its rows move with it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moved(UUID appointmentId, UUID patientId, Instant startsAt) {
        jdbc.update(
                "update linked_patient_appointments set starts_at = ? where patient_id = ? and appointment_id = ?",
                utc(startsAt),
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
