package com.clinicrecords.imaging.domain;

import com.clinicrecords.imaging.persistence.LinkedPatientImages;
import com.clinicrecords.patients.domain.DoctorPatientLinkChangedEvent;
import com.clinicrecords.patients.domain.PatientDeletedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the doctors' image search over their linked patients ({@link LinkedPatientImages}) in step with the
 * links and the patient records. Plain, synchronous listeners on purpose: they run in the transaction of the
 * link change (under the patient's row lock) or of the deletion (which holds the patient's row too), so the rows
 * change with the link or the record, or not at all.
 */
@Component
class LinkedPatientGallery {

    private final LinkedPatientImages rows;

    LinkedPatientGallery(LinkedPatientImages rows) {
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

    @EventListener
    void on(PatientDeletedEvent event) {
        rows.patientDeleted(event.patientId());
    }
}
