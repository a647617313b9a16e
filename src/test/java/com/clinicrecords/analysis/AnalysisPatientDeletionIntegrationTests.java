package com.clinicrecords.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.imaging.ImagingTestSupport;
import com.clinicrecords.imaging.TestFiles;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deleted patient's images are not handed to analysis services: their open jobs are cancelled. */
class AnalysisPatientDeletionIntegrationTests extends ImagingTestSupport {

    @Test
    void jobsOfADeletedPatientAreCancelledAndNeverClaimed() {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        String modality = uniqueModality("D");
        AnalysisWorker worker = AnalysisWorker.create(api, clinic.admin().accessToken(), modality, null);
        worker.token();
        ApiResponse uploaded =
                uploadScan(doctor.token(), patient.patientId(), modality, TestFiles.png(5100), "scan.png");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String image = uploaded.text("id");

        assertThat(api.delete("/api/patients/" + patient.patientId())
                        .token(clinic.admin().accessToken())
                        .json(Map.of("reason", "Entered for the wrong person"))
                        .send()
                        .status())
                .isEqualTo(204);

        assertThat(worker.claim(10, null)).as("nothing to analyse").isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "select status from analysis_jobs where image_id = ?", String.class, image))
                        .isEqualTo("CANCELLED"));
    }
}
