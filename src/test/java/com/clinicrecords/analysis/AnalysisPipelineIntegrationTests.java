package com.clinicrecords.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.imaging.ImagingTestSupport;
import com.clinicrecords.imaging.TestFiles;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The analysis queue through the public API: a reference worker claims, downloads and completes; leases,
 * races, retries, least privilege, notifications and service-client secrets. Each test gets its own modality,
 * so its workers only ever see the jobs of its own uploads.
 */
@ExtendWith(OutputCaptureExtension.class)
class AnalysisPipelineIntegrationTests extends ImagingTestSupport {

    private UUID upload(DoctorAccount doctor, PatientAccount patient, String modality, int size) {
        ApiResponse response = api.post("/api/patients/" + patient.patientId() + "/images")
                .token(doctor.token())
                .header("X-Filename", "Jane-Doe-chest.png")
                .header("X-Modality", modality)
                .header("X-Description", "Jane Doe, follow-up")
                .bytes(TestFiles.png(size), "application/octet-stream")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    private String adminToken() {
        return clinic.admin().accessToken();
    }

    private List<String> categories(String token) {
        List<String> out = new ArrayList<>();
        api.get("/api/notifications")
                .token(token)
                .send()
                .json()
                .path("content")
                .forEach(n -> out.add(n.path("category").asString()));
        return out;
    }

    private String imageStatus(String token, UUID image) {
        return api.get("/api/images/" + image).token(token).send().text("status");
    }

    @Test
    void shouldAnalyseAnUploadedImageEndToEndWithAReferenceWorker() {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        String modality = uniqueModality("T");
        AnalysisWorker worker = AnalysisWorker.create(api, adminToken(), modality, null);
        UUID image = upload(doctor, patient, modality, 6100);
        assertThat(imageStatus(doctor.token(), image)).isEqualTo("WAITING");

        List<JsonNode> jobs = worker.claim(5, null);
        assertThat(jobs).hasSize(1);
        JsonNode job = jobs.get(0);
        assertThat(job.path("imageId").asString()).isEqualTo(image.toString());
        assertThat(job.path("attempt").asInt()).isEqualTo(1);
        assertThat(job.path("modality").asString()).isEqualTo(modality);
        assertThat(job.has("patientId")).isFalse();
        assertThat(imageStatus(doctor.token(), image)).isEqualTo("PROCESSING");

        ApiResponse metadata =
                api.get("/api/images/" + image).token(worker.token()).send();
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.raw()).doesNotContain("Jane", patient.patientId().toString());
        HttpResponse<byte[]> content = worker.download(job);
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Disposition").orElse(""))
                .doesNotContain("Jane");
        String sha = AnalysisWorker.sha256(content.body());
        assertThat(sha).isEqualTo(job.path("imageSha256").asString());

        ApiResponse completed = worker.complete(job.path("id").asString(), sha);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(201);
        assertThat(completed.text("status")).isEqualTo("PRELIMINARY");
        assertThat(completed.json().has("patientId")).isFalse();
        String resultId = completed.text("id");
        ApiResponse again = worker.complete(job.path("id").asString(), sha);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(resultId);

        ApiResponse byDoctor =
                api.get("/api/images/" + image).token(doctor.token()).send();
        assertThat(byDoctor.text("status")).isEqualTo("PROCESSED");
        assertThat(byDoctor.json().path("results").get(0).path("id").asString()).isEqualTo(resultId);
        assertThat(byDoctor.json().path("results").get(0).path("status").asString())
                .isEqualTo("PRELIMINARY");
        assertThat(api.get("/api/images/" + image)
                        .token(patient.token())
                        .send()
                        .json()
                        .path("results")
                        .size())
                .isZero();
        assertThat(categories(doctor.token())).contains("ANALYSIS_PRELIMINARY");
        assertThat(categories(patient.token())).doesNotContain("RESULT_READY");
        assertThat(api.get("/api/images/" + image).token(worker.token()).send().status())
                .as("no lease after completion")
                .isEqualTo(404);

        ApiResponse finalized = api.post("/api/results/" + resultId + "/finalize")
                .token(doctor.token())
                .send();
        assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
        assertThat(categories(patient.token())).contains("RESULT_READY");
        assertThat(api.get("/api/images/" + image)
                        .token(patient.token())
                        .send()
                        .json()
                        .path("results")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("FINAL");

        List<Map<String, Object>> audit = jdbc.queryForList(
                "select action, resource_type, detail from audit_events where actor_user_id = ? and patient_id = ?",
                worker.clientId,
                patient.patientId().toString());
        assertThat(audit)
                .anySatisfy(row -> assertThat(String.valueOf(row.get("detail"))).startsWith("claimed"))
                .anySatisfy(row -> assertThat(row.get("action")).isEqualTo("DOWNLOAD"))
                .anySatisfy(row -> assertThat(String.valueOf(row.get("detail"))).startsWith("completed"));
    }

    @Test
    void shouldGiveOneJobToExactlyOneOfTwoRacingWorkers() throws Exception {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        String modality = uniqueModality("T");
        AnalysisWorker first = AnalysisWorker.create(api, adminToken(), modality, null);
        AnalysisWorker second = AnalysisWorker.create(api, adminToken(), modality, null);
        first.token();
        second.token();
        upload(doctor, patient, modality, 6200);

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (AnalysisWorker worker : List.of(first, second, first, second)) {
            calls.add(() -> {
                start.await();
                return worker.claim(10, null).size();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            start.countDown();
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldPutAnExpiredLeaseBackAndAnswerTheStaleHolderWith409() {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        String modality = uniqueModality("T");
        AnalysisWorker slow = AnalysisWorker.create(api, adminToken(), modality, null);
        AnalysisWorker other = AnalysisWorker.create(api, adminToken(), modality, null);
        UUID image = upload(doctor, patient, modality, 6300);

        JsonNode job = slow.claim(1, 1).get(0);
        String jobId = job.path("id").asString();
        assertThat(other.claim(1, null))
                .as("leased jobs are not handed out twice")
                .isEmpty();

        List<JsonNode> reclaimed = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    reclaimed.addAll(other.claim(1, null));
                    return !reclaimed.isEmpty();
                });
        assertThat(reclaimed.get(0).path("id").asString()).isEqualTo(jobId);
        assertThat(reclaimed.get(0).path("attempt").asInt()).isEqualTo(2);

        String sha = job.path("imageSha256").asString();
        ApiResponse staleHeartbeat = slow.heartbeat(jobId);
        ApiResponse staleComplete = slow.complete(jobId, sha);
        assertThat(staleHeartbeat.status()).isEqualTo(409);
        assertThat(staleComplete.status()).isEqualTo(409);
        assertThat(staleComplete.text("type")).endsWith("/lease-lost");
        assertThat(slow.download(job).statusCode()).as("no lease, no bytes").isEqualTo(404);

        assertThat(other.heartbeat(jobId).status()).isEqualTo(200);
        assertThat(other.complete(jobId, sha).status()).isEqualTo(201);
        assertThat(slow.fail(jobId, "late", true).status()).isEqualTo(409);
        assertThat(imageStatus(doctor.token(), image)).isEqualTo("PROCESSED");
    }

    @Test
    void shouldRetryAFailedJobAndGiveUpAfterTheLastAttempt() {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        // also linked, but deactivated: no access through the link, so not told either
        DoctorAccount deactivated = clinic.linkedDoctor(patient);
        assertThat(api.post("/api/admin/doctors/" + deactivated.doctorId() + "/deactivate")
                        .token(adminToken())
                        .send()
                        .status())
                .isEqualTo(200);
        String modality = uniqueModality("T");
        AnalysisWorker worker = AnalysisWorker.create(api, adminToken(), modality, null);
        UUID image = upload(doctor, patient, modality, 6400);

        String last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            List<JsonNode> jobs = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                jobs.addAll(worker.claim(1, null));
                return !jobs.isEmpty();
            });
            assertThat(jobs.get(0).path("attempt").asInt()).isEqualTo(attempt);
            ApiResponse failed = worker.fail(jobs.get(0).path("id").asString(), "model crashed", true);
            assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
            last = failed.text("status");
            if (attempt < 3) {
                assertThat(last).isEqualTo("QUEUED");
                assertThat(imageStatus(doctor.token(), image)).isEqualTo("WAITING");
            }
        }
        assertThat(last).isEqualTo("FAILED");
        assertThat(imageStatus(doctor.token(), image)).isEqualTo("FAILED");
        assertThat(worker.claim(1, null)).isEmpty();
        assertThat(categories(doctor.token())).contains("ANALYSIS_FAILED");
        assertThat(categories(patient.token())).isEmpty();
        assertThat(categories(deactivated.token())).isEmpty();

        ApiResponse rerun = api.post("/api/images/" + image + "/analysis")
                .token(doctor.token())
                .send();
        assertThat(rerun.status()).as(rerun.toString()).isEqualTo(202);
        assertThat(rerun.text("status")).isEqualTo("QUEUED");
        assertThat(api.post("/api/images/" + image + "/analysis")
                        .token(doctor.token())
                        .send()
                        .text("id"))
                .as("an open job is the answer to a repeated request")
                .isEqualTo(rerun.text("id"));
        assertThat(imageStatus(doctor.token(), image)).isEqualTo("WAITING");
        assertThat(api.post("/api/images/" + image + "/analysis")
                        .token(patient.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/images/" + image + "/analysis")
                        .token(clinic.doctor().token())
                        .send()
                        .status())
                .isEqualTo(404);
        ApiResponse next = worker.fail(worker.claim(1, null).get(0).path("id").asString(), "bad input", false);
        assertThat(next.text("status")).as("not retryable: failed at once").isEqualTo("FAILED");
    }

    @Test
    void shouldHideImagesAndResultsFromAServiceClientWithoutALease() {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        String modality = uniqueModality("T");
        AnalysisWorker worker = AnalysisWorker.create(api, adminToken(), modality, null);
        UUID image = upload(doctor, patient, modality, 6500);
        UUID otherImage = upload(doctor, patient, uniqueModality("T"), 6501);

        assertThat(api.get("/api/images/" + image).token(worker.token()).send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/images/" + image + "/content")
                        .token(worker.token())
                        .sendForBytes()
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/images/" + image + "/results")
                        .token(worker.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/patients/" + patient.patientId())
                        .token(worker.token())
                        .send()
                        .status())
                .isEqualTo(404);

        worker.claim(1, null);
        assertThat(api.get("/api/images/" + image).token(worker.token()).send().status())
                .isEqualTo(200);
        assertThat(api.get("/api/images/" + otherImage)
                        .token(worker.token())
                        .send()
                        .status())
                .as("a lease opens only its own image")
                .isEqualTo(404);
        assertThat(api.get("/api/images/" + image)
                        .token(worker.token())
                        .send()
                        .json()
                        .has("patientId"))
                .isFalse();
        assertThat(api.get("/api/patients/" + patient.patientId() + "/images")
                        .token(worker.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/images").token(worker.token()).send().status()).isEqualTo(403);
        assertThat(api.post("/api/analysis/jobs/claim")
                        .token(doctor.token())
                        .json(Map.of("maxJobs", 1))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void shouldShowClientSecretsOnceKeepThemOutOfLogsAndHonourRotationAndRevocation(CapturedOutput output) {
        String admin = adminToken();
        ApiResponse created = api.post("/api/admin/service-clients")
                .token(admin)
                .json(Map.of("name", "secret test", "modalities", List.of("ct", "MR")))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("client").path("id").asString();
        String secret = created.text("clientSecret");
        String webhookSecret = created.text("webhookSecret");
        assertThat(secret).startsWith("csk_").hasSizeGreaterThan(40);
        assertThat(created.json().path("client").path("modalities").toString()).contains("CT", "MR");
        String stored = jdbc.queryForObject("select secret_hash from service_clients where id = ?", String.class, id);
        assertThat(stored).isNotEqualTo(secret).hasSize(64);

        AnalysisWorker worker = new AnalysisWorker(api, id, secret);
        ApiResponse token = worker.requestToken();
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(token.json().has("refresh_token")).isFalse();
        assertThat(token.header("Set-Cookie")).isNull();
        assertThat(api.get("/api/users/me")
                        .token(token.text("access_token"))
                        .send()
                        .status())
                .isEqualTo(200);
        ApiResponse basic = api.post("/api/auth/token")
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                (id + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .form(Map.of("grant_type", "client_credentials"))
                .send();
        assertThat(basic.status()).as(basic.toString()).isEqualTo(200);
        assertThat(new AnalysisWorker(api, id, secret + "x").requestToken().status())
                .isEqualTo(401);
        assertThat(api.post("/api/auth/token")
                        .form(Map.of("grant_type", "client_credentials", "client_id", id))
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(new AnalysisWorker(api, UUID.randomUUID().toString(), secret)
                        .requestToken()
                        .status())
                .isEqualTo(401);

        ApiResponse one =
                api.get("/api/admin/service-clients/" + id).token(admin).send();
        ApiResponse all = api.get("/api/admin/service-clients").token(admin).send();
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.raw() + all.raw()).doesNotContain(secret, webhookSecret, stored);

        ApiResponse rotated = api.post("/api/admin/service-clients/" + id + "/rotate-secret")
                .token(admin)
                .send();
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.text("clientSecret");
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(api.get("/api/users/me")
                        .token(token.text("access_token"))
                        .send()
                        .status())
                .as("tokens of the old secret end with the rotation")
                .isEqualTo(401);
        assertThat(worker.requestToken().status()).isEqualTo(401);
        AnalysisWorker rotatedWorker = new AnalysisWorker(api, id, newSecret);
        String live = rotatedWorker.token();

        ApiResponse revoked = api.post("/api/admin/service-clients/" + id + "/revoke")
                .token(admin)
                .send();
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("REVOKED");
        assertThat(api.post("/api/admin/service-clients/" + id + "/revoke")
                        .token(admin)
                        .send()
                        .text("status"))
                .isEqualTo("REVOKED");
        assertThat(api.get("/api/users/me").token(live).send().status()).isEqualTo(401);
        assertThat(rotatedWorker.requestToken().status()).isEqualTo(401);
        assertThat(api.post("/api/admin/service-clients")
                        .token(clinic.doctor().token())
                        .json(Map.of("name", "x"))
                        .send()
                        .status())
                .isEqualTo(403);

        assertThat(output.getAll()).doesNotContain(secret, newSecret, webhookSecret);
    }

    @Test
    void shouldSearchImagesOfLinkedPatientsForDoctorsAndAllForAdmins() {
        PatientAccount patient = clinic.patient();
        PatientAccount stranger = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        DoctorAccount strangersDoctor = clinic.linkedDoctor(stranger);
        String modality = uniqueModality("T");
        UUID mine = upload(doctor, patient, modality, 6600);
        UUID theirs = upload(strangersDoctor, stranger, modality, 6601);

        ApiResponse byDoctor = api.get("/api/images?modality=" + modality)
                .token(doctor.token())
                .send();
        assertThat(byDoctor.status()).as(byDoctor.toString()).isEqualTo(200);
        assertThat(ids(byDoctor)).containsExactly(mine.toString());
        assertThat(ids(api.get("/api/images?patientId=" + stranger.patientId())
                        .token(doctor.token())
                        .send()))
                .isEmpty();
        assertThat(ids(api.get("/api/images?modality=" + modality + "&status=WAITING")
                        .token(clinic.admin().accessToken())
                        .send()))
                .containsExactlyInAnyOrder(mine.toString(), theirs.toString());
        assertThat(ids(api.get("/api/images?modality=" + modality + "&status=PROCESSED")
                        .token(clinic.admin().accessToken())
                        .send()))
                .isEmpty();
        assertThat(ids(api.get("/api/images?modality=" + modality
                                + "&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z")
                        .token(clinic.admin().accessToken())
                        .send()))
                .isEmpty();
        assertThat(api.get("/api/images").token(patient.token()).send().status())
                .isEqualTo(403);
        assertThat(api.get("/api/images?status=NOPE")
                        .token(doctor.token())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/images?size=1000").token(doctor.token()).send().status())
                .isEqualTo(400);
    }

    private static List<String> ids(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        page.json().path("content").forEach(n -> ids.add(n.path("id").asString()));
        return ids;
    }
}
