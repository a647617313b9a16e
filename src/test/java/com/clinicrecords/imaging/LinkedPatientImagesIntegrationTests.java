package com.clinicrecords.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.AtOnce;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A doctor's image search across their linked patients reads rows kept per link (linked_patient_images):
 * whatever order uploads, deletions and link changes come in, also at the same moment, it shows exactly the live
 * images the link rule allows, newest first. (A deactivated doctor: DeactivatedDoctorListsIntegrationTests.)
 */
class LinkedPatientImagesIntegrationTests extends ImagingTestSupport {

    @Test
    void shouldFollowUploadsDeletionsAndLinkChanges() {
        PatientAccount patient = clinic.patient();
        DoctorAccount uploader = clinic.linkedDoctor(patient);
        DoctorAccount colleague = clinic.doctor();
        String first = uploadedPng(uploader, patient).toString();
        String second = uploadedPng(uploader, patient).toString();
        assertThat(search(colleague)).isEmpty();

        clinic.link(colleague, patient);
        assertThat(search(colleague)).as("rows of the new link, newest first").containsExactly(second, first);

        String third = uploadedPng(uploader, patient).toString();
        assertThat(search(colleague)).as("an upload after the link").containsExactly(third, second, first);
        assertThat(listedIds("/api/images?size=100&patientId=" + patient.patientId(), colleague.token()))
                .as("one patient's images, read from that patient's index")
                .containsExactly(third, second, first);
        assertThat(listedIds("/api/images?size=1&page=1", colleague.token())).containsExactly(second);

        assertThat(api.delete("/api/images/" + second)
                        .token(uploader.token())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(search(colleague)).as("a deleted image").containsExactly(third, first);

        clinic.unlink(colleague, patient);
        assertThat(search(colleague)).as("after the unlink").isEmpty();
        String fourth = uploadedPng(uploader, patient).toString();
        assertThat(search(colleague)).isEmpty();

        clinic.link(colleague, patient);
        assertThat(search(colleague))
                .as("re-linked: every live image again, also the one uploaded while unlinked")
                .containsExactly(fourth, third, first);
        clinic.link(colleague, patient);
        assertThat(search(colleague)).as("linking again changes nothing").hasSize(3);
    }

    /** The total of a full page counts the doctor's rows alone: it must follow every change the pages follow. */
    @Test
    void shouldCountWhatThePagesShow() {
        String admin = clinic.admin().accessToken();
        PatientAccount kept = clinic.patient();
        PatientAccount deleted = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(kept);
        clinic.link(doctor, deleted);
        String image = uploadedPng(doctor, kept).toString();
        uploadedPng(doctor, kept);
        uploadedPng(doctor, deleted);
        uploadedPng(doctor, deleted);
        assertThat(total(doctor)).isEqualTo(4);

        assertThat(api.delete("/api/patients/" + deleted.patientId())
                        .token(admin)
                        .json(Map.of("reason", "Entered in error"))
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(search(doctor)).hasSize(2);
        assertThat(total(doctor)).as("a deleted patient record's images").isEqualTo(2);

        assertThat(api.delete("/api/images/" + image)
                        .token(doctor.token())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(search(doctor)).hasSize(1);
        assertThat(listedIds("/api/images?size=1", doctor.token())).hasSize(1);
        ApiResponse page = api.get("/api/images?size=1").token(doctor.token()).send();
        assertThat(page.json().path("totalElements").asLong())
                .as("a deleted image")
                .isEqualTo(1);
    }

    /** An upload and a link of the same patient at the same moment, several times: no image goes missing. */
    @Test
    void shouldKeepUploadsMadeWhileTheLinkIsMade() {
        String admin = clinic.admin().accessToken();
        DoctorAccount colleague = clinic.doctor();
        for (int round = 0; round < 4; round++) {
            PatientAccount patient = clinic.patient();
            DoctorAccount uploader = clinic.linkedDoctor(patient);
            List<ApiResponse> both = AtOnce.send(
                    () -> uploadRaw(uploader.token(), patient.patientId(), TestFiles.png(5000), "scan.png"),
                    () -> api.post("/api/admin/links")
                            .token(admin)
                            .json(Map.of(
                                    "doctorId", colleague.doctorId().toString(),
                                    "patientId", patient.patientId().toString()))
                            .send());
            assertThat(both.get(0).status()).as(both.get(0).toString()).isEqualTo(201);
            assertThat(both.get(1).status()).as(both.get(1).toString()).isEqualTo(201);
            assertThat(search(colleague))
                    .as("round %d", round)
                    .contains(both.get(0).text("id"));
        }
    }

    /** totalElements of a page of one (full, so counted). */
    private long total(DoctorAccount doctor) {
        ApiResponse page = api.get("/api/images?size=1").token(doctor.token()).send();
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().path("totalElements").asLong();
    }

    private List<String> search(DoctorAccount doctor) {
        return listedIds("/api/images?size=100", doctor.token());
    }
}
