package com.clinicrecords.patients.web;

import com.clinicrecords.patients.domain.ClinicalFields;
import com.clinicrecords.patients.domain.Demographics;
import com.clinicrecords.patients.domain.Gender;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** Request bodies of the patient endpoints. Unknown JSON fields (ids, versions, flags) are ignored. */
final class PatientRequests {

    private static final String INSURANCE = "[A-Za-z0-9 ./-]*";

    private PatientRequests() {}

    record CreatePatientRequest(
            UUID userId,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @PastOrPresent LocalDate dateOfBirth,
            Gender gender,

            @Size(max = 64) @Pattern(regexp = INSURANCE, message = "may contain letters, digits, space, . / -") String insuranceNumber) {

        Demographics demographics() {
            return new Demographics(firstName, lastName, dateOfBirth, gender, insuranceNumber);
        }
    }

    /** Full replacement of the record: send back what GET returned, with your changes. */
    record UpdatePatientRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @PastOrPresent LocalDate dateOfBirth,
            Gender gender,

            @Size(max = 64) @Pattern(regexp = INSURANCE, message = "may contain letters, digits, space, . / -") String insuranceNumber,

            @Size(max = 32) String room,
            @Size(max = 32) String bed,
            @Size(max = 4000) String diagnosis,
            @Size(max = 4000) String prescribedMedicine) {

        Demographics demographics() {
            return new Demographics(firstName, lastName, dateOfBirth, gender, insuranceNumber);
        }

        ClinicalFields clinical() {
            return new ClinicalFields(room, bed, diagnosis, prescribedMedicine);
        }
    }

    record DeletePatientRequest(@NotBlank @Size(max = 255) String reason) {}
}
