package com.clinicrecords.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditResourceTests {

    @ParameterizedTest
    @CsvSource({
        "user, USER",
        "User, USER",
        "USER, USER",
        "IMAGE, IMAGE",
        "Patient, PATIENT",
        "DoctorPatientLink, DOCTOR_PATIENT_LINK",
        "WorkingHours, WORKING_HOURS",
        "access-log, ACCESS_LOG",
        "audit, AUDIT",
        "SERVICE_CLIENT, SERVICE_CLIENT",
        "TEST, TEST",
    })
    void shouldReadEveryOldSpellingAsTodays(String stored, String expected) {
        assertThat(AuditResource.normalize(stored)).isEqualTo(expected);
    }
}
