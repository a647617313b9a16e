package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.persistence.LinkedPatientAppointments;
import com.clinicrecords.patients.domain.DoctorPatientLinkChangedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the doctors' lists of their linked patients' appointments ({@link LinkedPatientAppointments}) in step
 * with the links. A plain, synchronous listener on purpose: it runs in the link's transaction, under the
 * patient's row lock, so the rows change with the link or not at all (an after-commit listener would leave a
 * new link's appointments missing from the doctor's list until it ran).
 */
@Component
class LinkedPatientSchedule {

    private final LinkedPatientAppointments rows;

    LinkedPatientSchedule(LinkedPatientAppointments rows) {
        this.rows = rows;
    }

    @EventListener
    void on(DoctorPatientLinkChangedEvent event) {
        if (event.active()) {
            rows.linked(event.doctorId(), event.patientId());
        } else {
            rows.unlinked(event.doctorId(), event.patientId());
        }
    }
}
