package com.clinicrecords.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.shared.security.Roles;
import com.clinicrecords.support.ApiResponse;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may do what with images: every endpoint against every kind of caller. Strangers always get 404. */
class ImageAccessIntegrationTests extends ImagingTestSupport {

    @Test
    void shouldAllowOnlyPatientLinkedDoctorsAndAdminsWhenReadingImages() {
        var patient = clinic.patient();
        var linked = clinic.linkedDoctor(patient);
        UUID image = uploadedPng(linked, patient);
        Map<String, String> callers = callers(patient, linked);

        Map<String, Integer> list = statuses(
                callers,
                t -> api.get("/api/patients/" + patient.patientId() + "/images")
                        .token(t)
                        .send());
        Map<String, Integer> meta =
                statuses(callers, t -> api.get("/api/images/" + image).token(t).send());
        Map<String, Integer> content = statuses(
                callers,
                t -> api.get("/api/images/" + image + "/content").token(t).send());

        assertThat(list).isEqualTo(expect(200, 404, 200, 404, 200, 404, 401));
        // the analysis service holds no lease on the image (see AnalysisPipelineIntegrationTests)
        assertThat(meta).isEqualTo(expect(200, 404, 200, 404, 200, 404, 401));
        assertThat(content).isEqualTo(expect(200, 404, 200, 404, 200, 404, 401));
    }

    @Test
    void shouldAllowUploadOnlyForPatientThemselfAndLinkedDoctors() {
        var patient = clinic.patient();
        var linked = clinic.linkedDoctor(patient);
        Map<String, String> callers = callers(patient, linked);

        Map<String, Integer> upload =
                statuses(callers, t -> uploadRaw(t, patient.patientId(), TestFiles.png(3000), "x.png"));

        assertThat(upload).isEqualTo(expect(201, 404, 201, 404, 403, 404, 401));
        assertThat(imageRows(patient.patientId())).isEqualTo(2);
    }

    @Test
    void shouldLimitEditsStatusAndDeletionToTheRightPeople() {
        var patient = clinic.patient();
        var linked = clinic.linkedDoctor(patient);
        UUID image = uploadedPng(linked, patient);
        Map<String, String> callers = callers(patient, linked);
        callers.remove("linked");
        callers.put("otherLinked", clinic.linkedDoctor(patient).token());

        Map<String, Integer> edit = statuses(
                callers,
                t -> api.put("/api/images/" + image)
                        .token(t)
                        .json(Map.of("description", "edited"))
                        .send());
        Map<String, Integer> status = statuses(
                callers,
                t -> api.put("/api/images/" + image + "/status")
                        .token(t)
                        .json(Map.of("status", "PROCESSING"))
                        .send());
        String admin = callers.remove("admin");
        Map<String, Integer> delete = statuses(
                callers, t -> api.delete("/api/images/" + image).token(t).send());
        delete.put(
                "admin", api.delete("/api/images/" + image).token(admin).send().status());

        // self, otherPatient, unlinked, admin, service, anonymous, otherLinked
        assertThat(edit)
                .containsEntry("self", 403)
                .containsEntry("otherPatient", 404)
                .containsEntry("unlinked", 404)
                .containsEntry("admin", 403)
                .containsEntry("service", 404)
                .containsEntry("anonymous", 401)
                .containsEntry("otherLinked", 200);
        assertThat(status)
                .containsEntry("self", 403)
                .containsEntry("otherPatient", 404)
                .containsEntry("unlinked", 404)
                .containsEntry("admin", 403)
                .containsEntry("service", 404)
                .containsEntry("anonymous", 401)
                .containsEntry("otherLinked", 200);
        assertThat(delete)
                .containsEntry("self", 403)
                .containsEntry("otherPatient", 404)
                .containsEntry("unlinked", 404)
                .containsEntry("service", 404)
                .containsEntry("anonymous", 401)
                .containsEntry("otherLinked", 403)
                .containsEntry("admin", 204);
        assertThat(api.get("/api/images/" + image).token(patient.token()).send().status())
                .isEqualTo(404);
    }

    @Test
    void shouldLetUploaderDoctorDeleteAndAllowSameBytesAgainWhenImageIsDeleted() {
        var patient = clinic.patient();
        var linked = clinic.linkedDoctor(patient);
        byte[] png = TestFiles.png(3000);
        String first =
                uploadRaw(linked.token(), patient.patientId(), png, "a.png").text("id");

        assertThat(api.delete("/api/images/" + first)
                        .token(linked.token())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/images/" + first + "/content")
                        .token(linked.token())
                        .send()
                        .status())
                .isEqualTo(404);
        ApiResponse again = uploadRaw(linked.token(), patient.patientId(), png, "a.png");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isNotEqualTo(first);
        assertThat(api.get("/api/patients/" + patient.patientId() + "/images")
                        .token(patient.token())
                        .send()
                        .json()
                        .path("totalElements")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void shouldLoseAccessImmediatelyWhenDoctorIsUnlinked() {
        var patient = clinic.patient();
        var doctor = clinic.linkedDoctor(patient);
        UUID image = uploadedPng(doctor, patient);
        assertThat(api.get("/api/images/" + image).token(doctor.token()).send().status())
                .isEqualTo(200);

        clinic.unlink(doctor, patient);

        assertThat(api.get("/api/images/" + image).token(doctor.token()).send().status())
                .isEqualTo(404);
        // Refusals are written behind the request (within 100 ms).
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "select count(*) from audit_events where resource_id = ? and outcome = 'DENY'",
                                Integer.class,
                                image.toString()))
                        .isPositive());
    }

    @Test
    void shouldServeRangesWithSafeHeadersWhenDownloading() {
        var patient = clinic.patient();
        byte[] png = TestFiles.png(10_000);
        String id = api.post("/api/patients/" + patient.patientId() + "/images")
                .token(patient.token())
                .header("X-Filename", "R%C3%B6ntgen \"links\".png")
                .bytes(png, "image/png")
                .send()
                .text("id");

        HttpResponse<byte[]> full =
                api.get("/api/images/" + id + "/content").token(patient.token()).sendForBytes();
        HttpResponse<byte[]> part = api.get("/api/images/" + id + "/content")
                .token(patient.token())
                .header("Range", "bytes=100-199")
                .sendForBytes();
        HttpResponse<byte[]> suffix = api.get("/api/images/" + id + "/content")
                .token(patient.token())
                .header("Range", "bytes=-10")
                .sendForBytes();
        ApiResponse beyond = api.get("/api/images/" + id + "/content")
                .token(patient.token())
                .header("Range", "bytes=10000-")
                .send();

        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.body()).isEqualTo(png);
        assertThat(full.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(full.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(full.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(full.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(full.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("filename*=UTF-8''R%C3%B6ntgen%20links.png");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/10000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(png, 100, 200));
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(png, 9990, 10000));
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */10000");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_events where resource_id = ? and action = 'DOWNLOAD'",
                        Integer.class,
                        id))
                .isEqualTo(3);
    }

    @Test
    void shouldRejectStaleVersionsAndInvalidTransitionsWhenUpdating() {
        var patient = clinic.patient();
        var doctor = clinic.linkedDoctor(patient);
        UUID image = uploadedPng(doctor, patient);

        ApiResponse first = api.put("/api/images/" + image)
                .token(doctor.token())
                .header("If-Match", "\"0\"")
                .json(Map.of("description", "left knee", "bodyPart", "KNEE"))
                .send();
        ApiResponse stale = api.patch("/api/images/" + image)
                .token(doctor.token())
                .json(Map.of("description", "right knee", "version", 0))
                .send();
        ApiResponse jump = api.put("/api/images/" + image + "/status")
                .token(doctor.token())
                .json(Map.of("status", "PROCESSED"))
                .send();
        ApiResponse bad = api.put("/api/images/" + image + "/status")
                .token(doctor.token())
                .json(Map.of("status", "DONE"))
                .send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.text("bodyPart")).isEqualTo("KNEE");
        assertThat(stale.status()).isEqualTo(412);
        ApiResponse patched = api.patch("/api/images/" + image)
                .token(doctor.token())
                .json(Map.of("description", "right knee"))
                .send();
        assertThat(patched.text("description")).isEqualTo("right knee");
        assertThat(patched.text("bodyPart")).isEqualTo("KNEE");
        assertThat(jump.status()).isEqualTo(409);
        assertThat(bad.status()).isEqualTo(400);
        ApiResponse processing = api.get("/api/patients/" + patient.patientId() + "/images?status=WAITING")
                .token(doctor.token())
                .send();
        assertThat(processing.json().path("content").size()).isEqualTo(1);
    }

    private Map<String, String> callers(ClinicFixtures.PatientAccount patient, ClinicFixtures.DoctorAccount linked) {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("self", patient.token());
        callers.put("otherPatient", clinic.patient().token());
        callers.put("linked", linked.token());
        callers.put("unlinked", clinic.doctor().token());
        callers.put("admin", users.admin().accessToken());
        callers.put("service", users.withRoles(Roles.ANALYSIS_SERVICE).accessToken());
        callers.put("anonymous", null);
        return callers;
    }

    private static Map<String, Integer> expect(
            int self, int otherPatient, int linked, int unlinked, int admin, int service, int anonymous) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("self", self);
        expected.put("otherPatient", otherPatient);
        expected.put("linked", linked);
        expected.put("unlinked", unlinked);
        expected.put("admin", admin);
        expected.put("service", service);
        expected.put("anonymous", anonymous);
        return expected;
    }

    private static Map<String, Integer> statuses(
            Map<String, String> callers, java.util.function.Function<String, ApiResponse> call) {
        Map<String, Integer> result = new LinkedHashMap<>();
        callers.forEach((name, token) -> result.put(name, call.apply(token).status()));
        return result;
    }
}
