package com.clinicrecords.patients.domain;

import java.util.Objects;

/** The part of a patient record only a linked doctor maintains. */
public record ClinicalFields(String room, String bed, String diagnosis, String prescribedMedicine) {

    boolean differsFrom(Patient p) {
        return !Objects.equals(room, p.getRoom())
                || !Objects.equals(bed, p.getBed())
                || !Objects.equals(diagnosis, p.getDiagnosis())
                || !Objects.equals(prescribedMedicine, p.getPrescribedMedicine());
    }
}
