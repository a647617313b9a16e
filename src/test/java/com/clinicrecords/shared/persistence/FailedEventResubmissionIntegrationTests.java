package com.clinicrecords.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.imaging.ImagingTestSupport;
import com.clinicrecords.imaging.TestFiles;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.patients.domain.PatientDeletedEvent;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.ModuleEventPublications;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event whose listener failed is delivered again without a restart: here a patient's deletion whose
 * cancellation of the analysis jobs had failed (the publication left as FAILED, as the registry leaves it).
 */
class FailedEventResubmissionIntegrationTests extends ImagingTestSupport {

    @Autowired
    FailedEventResubmission resubmission;

    @Test
    void shouldDeliverFailedPublicationAgain() {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        // a modality no analysis service takes: the job stays queued
        ApiResponse uploaded =
                uploadScan(doctor.token(), patient.patientId(), uniqueModality("R"), TestFiles.png(5200), "scan.png");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String image = uploaded.text("id");
        // The record deleted, but its listener's work not done: the publication failed a minute ago.
        jdbc.update(
                "update patients set deleted_at = ? where id = ?",
                Timestamp.from(Instant.now()),
                patient.patientId().toString());
        String publication = ModuleEventPublications.store(
                jdbc,
                "com.clinicrecords.analysis.domain.PatientDeletionJobs",
                PatientDeletedEvent.class,
                "{\"patientId\":\"" + patient.patientId() + "\",\"deletedBy\":\""
                        + doctor.account().id() + "\"}",
                "FAILED",
                Duration.ofMinutes(1));
        assertThat(jobStatus(image)).isEqualTo("QUEUED");

        resubmission.resubmit();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jobStatus(image)).isEqualTo("CANCELLED");
            assertThat(ModuleEventPublications.stored(jdbc, publication))
                    .as("completed publications are deleted")
                    .isFalse();
        });
    }

    private String jobStatus(String image) {
        return jdbc.queryForObject("select status from analysis_jobs where image_id = ?", String.class, image);
    }
}
