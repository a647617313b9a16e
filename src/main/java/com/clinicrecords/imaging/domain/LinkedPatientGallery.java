package com.clinicrecords.imaging.domain;

import com.clinicrecords.imaging.persistence.LinkedPatientImages;
import com.clinicrecords.patients.domain.DoctorPatientLinkChangedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the doctors' image search over their linked patients ({@link LinkedPatientImages}) in step with the
 * links. A plain, synchronous listener on purpose: it runs in the link's transaction, under the patient's row
 * lock, so the rows change with the link or not at all.
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
}
