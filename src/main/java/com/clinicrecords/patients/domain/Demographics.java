package com.clinicrecords.patients.domain;

import java.time.LocalDate;
import java.util.Objects;

/** The part of a patient record the patient (or an admin) maintains. */
public record Demographics(
        String firstName, String lastName, LocalDate dateOfBirth, Gender gender, String insuranceNumber) {

    boolean differsFrom(Patient p) {
        return !Objects.equals(firstName, p.getFirstName())
                || !Objects.equals(lastName, p.getLastName())
                || !Objects.equals(dateOfBirth, p.getDateOfBirth())
                || gender != p.getGender()
                || !Objects.equals(insuranceNumber, p.getInsuranceNumber());
    }

    /** Whether creating a record with these values would give {@code p} again (names compared trimmed). */
    boolean sameAs(Patient p) {
        return !new Demographics(firstName.trim(), lastName.trim(), dateOfBirth, gender, insuranceNumber)
                .differsFrom(p);
    }
}
