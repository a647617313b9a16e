package com.clinicrecords.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.support.ApiResponse;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImageUploadIntegrationTests extends ImagingTestSupport {

    @Test
    void shouldStoreDicomWithHeaderAndFormMetadataWhenLinkedDoctorUploadsMultipart() {
        var patient = clinic.patient();
        var doctor = clinic.linkedDoctor(patient);
        byte[] dicom = TestFiles.dicom("CT", "CHEST", "20260115", false, 20_000);

        ApiResponse response = uploadMultipart(
                doctor.token(),
                patient.patientId(),
                dicom,
                "../../scans/thorax.dcm",
                "description",
                "Follow-up, 3 months",
                "bodyPart",
                "THORAX");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/api/images/" + response.text("id"));
        assertThat(response.text("contentType")).isEqualTo("application/dicom");
        assertThat(response.text("filename")).isEqualTo("thorax.dcm");
        assertThat(response.text("modality")).isEqualTo("CT");
        assertThat(response.text("bodyPart")).isEqualTo("THORAX");
        assertThat(response.text("studyDate")).isEqualTo("2026-01-15");
        assertThat(response.text("description")).isEqualTo("Follow-up, 3 months");
        assertThat(response.text("status")).isEqualTo("WAITING");
        assertThat(response.json().path("sizeBytes").asLong()).isEqualTo(dicom.length);
        assertThat(response.text("sha256")).isEqualTo(sha256(dicom));
        assertThat(response.text("uploadedBy")).isEqualTo(doctor.account().id().toString());
        String key =
                jdbc.queryForObject("select storage_key from images where id = ?", String.class, response.text("id"));
        assertThat(key).doesNotContain("thorax").startsWith("images/");
        assertThat(Files.exists(STORAGE.resolve(key))).isTrue();
        HttpResponse<byte[]> download = api.get("/api/images/" + response.text("id") + "/content")
                .token(doctor.token())
                .sendForBytes();
        assertThat(download.body()).isEqualTo(dicom);
    }

    @Test
    void shouldDetectTypeFromBytesWhenPatientUploadsRawBodies() {
        var patient = clinic.patient();
        String[][] cases = {
            {"image/png", "a.bin"}, {"image/jpeg", "b"}, {"application/pdf", "c.pdf"}, {"image/tiff", "d.tif"}
        };
        byte[][] files = {TestFiles.png(3000), TestFiles.jpeg(3000), TestFiles.pdf(3000), TestFiles.tiff(3000)};
        for (int i = 0; i < files.length; i++) {
            ApiResponse response = uploadRaw(patient.token(), patient.patientId(), files[i], cases[i][1]);
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(response.text("contentType")).isEqualTo(cases[i][0]);
            assertThat(response.text("uploadedBy"))
                    .isEqualTo(patient.account().id().toString());
        }
        ApiResponse dicom = api.post("/api/patients/" + patient.patientId() + "/images")
                .token(patient.token())
                .header("Content-Disposition", "attachment; filename*=UTF-8''R%C3%B6ntgen.dcm")
                .header("X-Description", "Knie%20links")
                .bytes(TestFiles.dicom("MR", "KNEE", "20250301", true, 5000), "application/dicom")
                .send();
        assertThat(dicom.status()).as(dicom.toString()).isEqualTo(201);
        assertThat(dicom.text("filename")).isEqualTo("Röntgen.dcm");
        assertThat(dicom.text("modality")).isEqualTo("MR");
        assertThat(dicom.text("description")).isEqualTo("Knie links");
        assertThat(imageRows(patient.patientId())).isEqualTo(5);
    }

    @Test
    void shouldReturn415AndStoreNothingWhenTextIsNamedPng() {
        var patient = clinic.patient();
        long tempBefore = tempFiles();

        ApiResponse raw = api.post("/api/patients/" + patient.patientId() + "/images")
                .token(patient.token())
                .header("X-Filename", "photo.png")
                .bytes(TestFiles.text(10_000), "image/png")
                .send();
        ApiResponse multipart = uploadMultipart(
                patient.token(),
                patient.patientId(),
                "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8),
                "x.png");

        assertThat(raw.status()).isEqualTo(415);
        assertThat(raw.contentType()).startsWith("application/problem+json");
        assertThat(raw.text("type")).isEqualTo("/problems/unsupported-media-type");
        assertThat(multipart.status()).isEqualTo(415);
        assertThat(imageRows(patient.patientId())).isZero();
        assertThat(tempFiles()).isEqualTo(tempBefore);
    }

    @Test
    void shouldReturn413BeforeReadingWhenContentLengthExceedsLimit() throws Exception {
        var patient = clinic.patient();
        // Like curl for big files: Expect: 100-continue, and the body is sent only after "100 Continue".
        // The server answers from the headers alone, so the client never has to send the file.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/patients/" + patient.patientId() + "/images HTTP/1.1\r\n"
                                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + patient.token() + "\r\n"
                                    + "Content-Type: application/octet-stream\r\nExpect: 100-continue\r\n"
                                    + "Content-Length: " + (5 * 1024 * 1024 + 1) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readNBytes(400), StandardCharsets.ISO_8859_1);

            assertThat(response).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
        }
        assertThat(imageRows(patient.patientId())).isZero();
    }

    @Test
    void shouldReturn413AndStoreNothingWhenChunkedBodyExceedsLimit() {
        var patient = clinic.patient();
        long tempBefore = tempFiles();
        byte[] big = TestFiles.png(5 * 1024 * 1024 + 200_000);

        ApiResponse response = api.post("/api/patients/" + patient.patientId() + "/images")
                .token(patient.token())
                .header("X-Filename", "big.png")
                .body(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)),
                        "application/octet-stream")
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(imageRows(patient.patientId())).isZero();
        assertThat(tempFiles()).isEqualTo(tempBefore);
    }

    @Test
    void shouldReturnExistingImageWith200WhenSameBytesAreUploadedAgain() {
        var patient = clinic.patient();
        var doctor = clinic.linkedDoctor(patient);
        byte[] png = TestFiles.png(8000);
        long tempBefore = tempFiles();

        ApiResponse first = uploadRaw(doctor.token(), patient.patientId(), png, "one.png");
        ApiResponse second = uploadMultipart(patient.token(), patient.patientId(), png, "two.png");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(second.text("filename")).isEqualTo("one.png");
        assertThat(imageRows(patient.patientId())).isEqualTo(1);
        assertThat(tempFiles()).isEqualTo(tempBefore);
        // the same bytes for another patient are a different image
        var other = clinic.patient();
        assertThat(uploadRaw(other.token(), other.patientId(), png, "one.png").status())
                .isEqualTo(201);
    }

    @Test
    void shouldCreateOneRowWhenTwoIdenticalUploadsRace() throws Exception {
        var patient = clinic.patient();
        byte[] png = TestFiles.png(400_000);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<ApiResponse>>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return uploadRaw(patient.token(), patient.patientId(), png, "race.png");
                }));
            }
            start.countDown();
            var statuses = new java.util.ArrayList<Integer>();
            var ids = new java.util.HashSet<String>();
            for (var f : futures) {
                ApiResponse r = f.get();
                statuses.add(r.status());
                ids.add(r.text("id"));
            }
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(ids).hasSize(1);
            assertThat(imageRows(patient.patientId())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldReplayTheFirstResponseWhenIdempotencyKeyIsRepeated() {
        var patient = clinic.patient();
        String key = "upload-" + UUID.randomUUID();
        byte[] png = TestFiles.png(4000);

        ApiResponse first = api.post("/api/patients/" + patient.patientId() + "/images")
                .token(patient.token())
                .header("Idempotency-Key", key)
                .bytes(png, "image/png")
                .send();
        ApiResponse replay = api.post("/api/patients/" + patient.patientId() + "/images")
                .token(patient.token())
                .header("Idempotency-Key", key)
                .bytes(png, "image/png")
                .send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.text("id")).isEqualTo(first.text("id"));
        assertThat(imageRows(patient.patientId())).isEqualTo(1);
        var other = clinic.linkedDoctor(patient);
        var otherPatient = clinic.patient();
        clinic.link(other, otherPatient);
        // the key belongs to the patient's account; reusing it for another patient's record is refused
        ApiResponse misuse = api.post("/api/patients/" + otherPatient.patientId() + "/images")
                .token(patient.token())
                .header("Idempotency-Key", key)
                .bytes(png, "image/png")
                .send();
        assertThat(misuse.status()).isEqualTo(404);
    }

    @Test
    void shouldLeaveNoFileAndNoRowWhenClientDisconnectsMidUpload() throws Exception {
        var patient = clinic.patient();
        long tempBefore = tempFiles();
        TestFiles.Multipart multipart = TestFiles.multipart("cut.png", "image/png", TestFiles.png(3_000_000));

        sendAndHangUp(patient, "application/octet-stream", 4_000_000, TestFiles.png(1_000_000));
        sendAndHangUp(
                patient,
                multipart.contentType(),
                multipart.body().length,
                java.util.Arrays.copyOf(multipart.body(), 1_000_000));

        // The server notices the hang-ups and cleans up: no row, no temp file, and it stays so.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(imageRows(patient.patientId())).isZero();
            assertThat(tempFiles()).isEqualTo(tempBefore);
        });
    }

    /** Announces {@code declared} bytes, sends fewer, then closes the connection like a crashed client. */
    private void sendAndHangUp(ClinicFixtures.PatientAccount patient, String contentType, long declared, byte[] sent)
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/patients/" + patient.patientId() + "/images HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Bearer " + patient.token() + "\r\nContent-Type: " + contentType + "\r\n"
                            + "X-Filename: cut.png\r\nContent-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(sent);
            out.flush();
            Thread.sleep(500);
        }
    }

    @Test
    void shouldAuditCreationReadsAndChangesWithThePatientId() {
        var patient = clinic.patient();
        var doctor = clinic.linkedDoctor(patient);
        String id = uploadRaw(doctor.token(), patient.patientId(), TestFiles.png(3000), "a.png")
                .text("id");
        api.get("/api/images/" + id).token(patient.token()).send();
        api.patch("/api/images/" + id)
                .token(doctor.token())
                .json(java.util.Map.of("description", "x"))
                .send();
        api.get("/api/images/" + id + "/content").token(doctor.token()).sendForBytes();
        api.delete("/api/images/" + id).token(doctor.token()).send();

        var actions = jdbc.queryForList(
                "select action from audit_events where resource_id = ? and patient_id = ? "
                        + "and outcome = 'ALLOW' order by id",
                String.class,
                id,
                patient.patientId().toString());
        assertThat(actions).containsExactly("CREATE", "READ", "UPDATE", "DOWNLOAD", "DELETE");
    }

    @Test
    void shouldReturn400WithErrorsWhenFileOrFieldsAreInvalid() {
        var patient = clinic.patient();
        TestFiles.Multipart noFile = new TestFiles.Multipart(
                "--b\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nx\r\n--b--\r\n"
                        .getBytes(StandardCharsets.UTF_8),
                "multipart/form-data; boundary=b");
        ApiResponse missing = api.post("/api/patients/" + patient.patientId() + "/images")
                .token(patient.token())
                .bytes(noFile.body(), noFile.contentType())
                .send();
        ApiResponse badField = uploadMultipart(
                patient.token(),
                patient.patientId(),
                TestFiles.png(2000),
                "a.png",
                "modality",
                "X".repeat(40),
                "studyDate",
                "yesterday");
        ApiResponse empty = uploadRaw(patient.token(), patient.patientId(), new byte[0], "a.png");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("type")).isEqualTo("/problems/missing-file");
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.json().path("errors").findValuesAsString("field")).contains("modality", "studyDate");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(imageRows(patient.patientId())).isZero();
    }

    @Test
    void shouldDocumentBothUploadFormatsWhenOpenApiIsRequested() {
        ApiResponse docs = api.get("/v3/api-docs").send();

        var content = docs.json()
                .path("paths")
                .path("/api/patients/{patientId}/images")
                .path("post")
                .path("requestBody")
                .path("content");
        assertThat(content.has("multipart/form-data")).isTrue();
        assertThat(content.has("application/octet-stream")).isTrue();
    }
}
