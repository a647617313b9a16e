package com.clinicrecords.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.imaging.ImagingTestSupport;
import com.clinicrecords.imaging.TestFiles;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
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
        String modality = "R"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        ApiResponse uploaded = api.post("/api/patients/" + patient.patientId() + "/images")
                .token(doctor.token())
                .header("X-Filename", "scan.png")
                .header("X-Modality", modality)
                .bytes(TestFiles.png(5200), "application/octet-stream")
                .send();
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String image = uploaded.text("id");
        // The record deleted, but its listener's work not done: the publication failed a minute ago.
        jdbc.update(
                "update patients set deleted_at = ? where id = ?",
                Timestamp.from(Instant.now()),
                patient.patientId().toString());
        String publication = UUID.randomUUID().toString();
        jdbc.update(
                "insert into EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE, "
                        + "STATUS, COMPLETION_ATTEMPTS) values (?, ?, ?, ?, ?, 'FAILED', 1)",
                publication,
                "com.clinicrecords.analysis.domain.PatientDeletionJobs.on("
                        + "com.clinicrecords.patients.domain.PatientDeletedEvent)",
                "com.clinicrecords.patients.domain.PatientDeletedEvent",
                "{\"patientId\":\"" + patient.patientId() + "\",\"deletedBy\":\""
                        + doctor.account().id() + "\"}",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))));
        assertThat(jobStatus(image)).isEqualTo("QUEUED");

        resubmission.resubmit();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jobStatus(image)).isEqualTo("CANCELLED");
            assertThat(jdbc.queryForObject(
                            "select count(*) from EVENT_PUBLICATION where ID = ?", Integer.class, publication))
                    .as("completed publications are deleted")
                    .isZero();
        });
    }

    private String jobStatus(String image) {
        return jdbc.queryForObject("select status from analysis_jobs where image_id = ?", String.class, image);
    }
}
