package com.clinicrecords.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.imaging.ImagingTestSupport;
import com.clinicrecords.imaging.TestFiles;
import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.shared.security.Roles;
import com.clinicrecords.support.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnalysisResultIntegrationTests extends ImagingTestSupport {

    private static final Map<String, Object> BOX =
            Map.of("x", 10, "y", 20, "width", 30, "height", 40, "label", "nodule", "score", 0.87);

    @Test
    void shouldKeepHistoryAndNotifyPatientWhenResultIsFinalizedAndAmended() {
        var patient = clinic.patient();
        var doctor = clinic.linkedDoctor(patient);
        Leased leased = leasedImage(doctor, patient, 4000);
        String service = leased.serviceToken();
        ApiResponse image = leased.image();

        ApiResponse created = api.post("/api/images/" + image.text("id") + "/results")
                .token(service)
                .json(Map.of(
                        "imageSha256",
                        image.text("sha256"),
                        "algorithmName",
                        "lung-nodules",
                        "algorithmVersion",
                        "2.1.0",
                        "regions",
                        List.of(BOX),
                        "findings",
                        "Nodule 4 mm, right upper lobe"))
                .send();
        String id = created.text("id");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("PRELIMINARY");
        assertThat(created.json().path("regions").get(0).path("score").asDouble())
                .isEqualTo(0.87);
        assertThat(api.get("/api/results/" + id).token(patient.token()).send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/images/" + image.text("id") + "/results")
                        .token(patient.token())
                        .send()
                        .json()
                        .size())
                .isZero();
        assertThat(notifications(patient)).isZero();

        ApiResponse finalized = api.post("/api/results/" + id + "/finalize")
                .token(doctor.token())
                .send();
        assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
        assertThat(finalized.text("status")).isEqualTo("FINAL");
        assertThat(notifications(patient)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select message from notifications where user_id = ?",
                        String.class,
                        patient.account().id().toString()))
                .doesNotContain("Nodule")
                .contains("Log in");
        assertThat(api.post("/api/results/" + id + "/finalize")
                        .token(doctor.token())
                        .send()
                        .status())
                .isEqualTo(409);

        ApiResponse amended = api.post("/api/results/" + id + "/amend")
                .token(doctor.token())
                .json(Map.of("regions", List.of(), "findings", "No nodule; artefact", "reason", "Re-read"))
                .send();
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.text("status")).isEqualTo("AMENDED");
        assertThat(amended.json().path("currentVersion").asInt()).isEqualTo(2);
        assertThat(notifications(patient)).isEqualTo(2);
        var emails = jdbc.queryForList(
                "select subject, body from email_outbox where recipient = ?",
                patient.account().email());
        assertThat(emails)
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.get("body").toString())
                        .contains("log in")
                        .doesNotContain("odule")
                        .doesNotContain("artefact"));

        ApiResponse seen = api.get("/api/results/" + id).token(patient.token()).send();
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.text("findings")).isEqualTo("No nodule; artefact");
        assertThat(seen.json().path("history").size()).isEqualTo(2);
        assertThat(seen.json().path("history").get(0).path("status").asString()).isEqualTo("FINAL");
        assertThat(seen.json().path("history").get(0).path("findings").asString())
                .contains("Nodule 4 mm");
        assertThat(seen.json().path("history").get(0).path("regions").size()).isEqualTo(1);
        assertThat(seen.json().path("history").get(1).path("amendReason").asString())
                .isEqualTo("Re-read");
        ApiResponse page = api.get("/api/patients/" + patient.patientId() + "/results")
                .token(patient.token())
                .send();
        assertThat(page.json().path("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRejectResultWhenImageHashDoesNotMatch() {
        var patient = clinic.patient();
        var doctor = clinic.linkedDoctor(patient);
        UUID image = uploadedPng(doctor, patient);

        ApiResponse response = api.post("/api/images/" + image + "/results")
                .token(doctor.token())
                .json(Map.of("imageSha256", "0".repeat(64), "regions", List.of(BOX)))
                .send();

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("type")).isEqualTo("/problems/image-hash-mismatch");
    }

    @Test
    void shouldReturn400WithErrorsWhenResultBodyIsInvalid() {
        var patient = clinic.patient();
        var doctor = clinic.linkedDoctor(patient);
        UUID image = uploadedPng(doctor, patient);

        ApiResponse response = api.post("/api/images/" + image + "/results")
                .token(doctor.token())
                .json(Map.of(
                        "imageSha256",
                        "xyz",
                        "regions",
                        List.of(Map.of("x", -1, "y", 0, "width", 0, "height", 5, "label", " ", "score", 1.5))))
                .send();
        ApiResponse noRegions = api.post("/api/images/" + image + "/results")
                .token(doctor.token())
                .json(Map.of("imageSha256", "a".repeat(64)))
                .send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .contains("imageSha256", "regions[0].x", "regions[0].width", "regions[0].label", "regions[0].score");
        assertThat(noRegions.status()).isEqualTo(400);
    }

    @Test
    void shouldRequireAlgorithmWhenServicePostsResult() {
        var patient = clinic.patient();
        Leased leased = leasedImage(clinic.linkedDoctor(patient), patient, 4100);
        String image = leased.image().text("id");
        String sha = leased.image().text("sha256");

        ApiResponse response = api.post("/api/images/" + image + "/results")
                .token(leased.serviceToken())
                .json(Map.of("imageSha256", sha, "regions", List.of()))
                .send();

        assertThat(response.status()).isEqualTo(422);
    }

    @Test
    void shouldEnforceWhoMayCreateFinalizeAndReadResults() {
        var patient = clinic.patient();
        var doctor = clinic.linkedDoctor(patient);
        UUID image = uploadedPng(doctor, patient);
        String sha =
                api.get("/api/images/" + image).token(doctor.token()).send().text("sha256");
        Map<String, Object> body = Map.of("imageSha256", sha, "regions", List.of(BOX));
        String service = users.withRoles(Roles.ANALYSIS_SERVICE).accessToken();
        String admin = users.admin().accessToken();
        String unlinked = clinic.doctor().token();
        String otherPatient = clinic.patient().token();

        assertThat(post(image, patient.token(), body)).isEqualTo(403);
        assertThat(post(image, admin, body)).isEqualTo(403);
        assertThat(post(image, unlinked, body)).isEqualTo(404);
        assertThat(post(image, otherPatient, body)).isEqualTo(404);
        assertThat(post(image, null, body)).isEqualTo(401);
        ApiResponse byDoctor = api.post("/api/images/" + image + "/results")
                .token(doctor.token())
                .json(body)
                .send();
        assertThat(byDoctor.status()).isEqualTo(201);
        String id = byDoctor.text("id");

        assertThat(api.post("/api/results/" + id + "/amend")
                        .token(doctor.token())
                        .json(Map.of("regions", List.of(), "reason", "x"))
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/results/" + id + "/finalize")
                        .token(service)
                        .send()
                        .status())
                .as("an analysis service without a lease on the image does not see its results")
                .isEqualTo(404);
        assertThat(api.post("/api/results/" + id + "/finalize")
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/results/" + id + "/finalize")
                        .token(unlinked)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/results/" + id).token(admin).send().status()).isEqualTo(200);
        assertThat(api.get("/api/results/" + id).token(unlinked).send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/results/" + id).token(otherPatient).send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/patients/" + patient.patientId() + "/results")
                        .token(unlinked)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/patients/" + patient.patientId() + "/results")
                        .token(doctor.token())
                        .send()
                        .json()
                        .path("content")
                        .size())
                .isEqualTo(1);
    }

    private record Leased(ApiResponse image, String serviceToken) {}

    /**
     * An image uploaded with a modality only a new service client handles, claimed by that client: analysis
     * services may read and write an image only while they hold a lease on one of its jobs.
     */
    private Leased leasedImage(ClinicFixtures.DoctorAccount doctor, ClinicFixtures.PatientAccount patient, int size) {
        String modality = uniqueModality("R");
        AnalysisWorker worker = AnalysisWorker.create(api, clinic.admin().accessToken(), modality, null);
        ApiResponse image = uploadScan(doctor.token(), patient.patientId(), modality, TestFiles.png(size), "chest.png");
        assertThat(image.status()).as(image.toString()).isEqualTo(201);
        assertThat(worker.claim(1, null)).hasSize(1);
        return new Leased(image, worker.token());
    }

    private int post(UUID image, String token, Map<String, Object> body) {
        return api.post("/api/images/" + image + "/results")
                .token(token)
                .json(body)
                .send()
                .status();
    }

    private int notifications(ClinicFixtures.PatientAccount patient) {
        return jdbc.queryForObject(
                "select count(*) from notifications where user_id = ? and category = 'RESULT_READY'",
                Integer.class,
                patient.account().id().toString());
    }
}
