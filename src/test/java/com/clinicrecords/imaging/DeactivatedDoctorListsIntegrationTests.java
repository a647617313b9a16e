package com.clinicrecords.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A deactivated doctor loses access through their links in the lists too, not only for single records: the
 * image search and the appointment list stop showing their linked patients' rows, and show them again once the
 * doctor is reactivated.
 */
class DeactivatedDoctorListsIntegrationTests extends ImagingTestSupport {

    @Test
    void aDeactivatedDoctorNoLongerListsTheirLinkedPatientsImagesAndAppointments() {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        DoctorAccount colleague = clinic.doctor();
        String admin = clinic.admin().accessToken();
        UUID image = uploadedPng(doctor, patient);
        Instant start = Instant.now().plus(45, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        ApiResponse booked = api.post("/api/appointments")
                .token(admin)
                .json(Map.of(
                        "doctorId", colleague.doctorId().toString(),
                        "patientId", patient.patientId().toString(),
                        "startsAt", start.toString(),
                        "endsAt", start.plus(30, ChronoUnit.MINUTES).toString()))
                .send();
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String withColleague = booked.text("id");

        assertThat(listedIds("/api/images?size=100", doctor.token())).contains(image.toString());
        assertThat(listedIds("/api/appointments?size=100", doctor.token())).contains(withColleague);

        assertThat(status(admin, "/api/admin/doctors/" + doctor.doctorId() + "/deactivate"))
                .isEqualTo(200);
        assertThat(listedIds("/api/images?size=100", doctor.token())).doesNotContain(image.toString());
        assertThat(listedIds("/api/images?size=100&patientId=" + patient.patientId(), doctor.token()))
                .isEmpty();
        assertThat(listedIds("/api/appointments?size=100", doctor.token())).doesNotContain(withColleague);
        assertThat(listedIds("/api/appointments?size=100&patientId=" + patient.patientId(), doctor.token()))
                .isEmpty();

        assertThat(status(admin, "/api/admin/doctors/" + doctor.doctorId() + "/reactivate"))
                .isEqualTo(200);
        assertThat(listedIds("/api/images?size=100", doctor.token())).contains(image.toString());
        assertThat(listedIds("/api/appointments?size=100", doctor.token())).contains(withColleague);
    }

    private int status(String admin, String post) {
        return api.post(post).token(admin).send().status();
    }
}
