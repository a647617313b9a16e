package com.clinicrecords.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.support.ApiResponse;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** If-None-Match (304), If-Range, Idempotency-Key reuse and duplicate uploads, through the real HTTP API. */
class ConditionalRequestsIntegrationTests extends ImagingTestSupport {

    @Test
    void shouldAnswerNotModifiedForEveryRecordWhoseETagIsCurrent() {
        ClinicFixtures.PatientAccount patient = clinic.patient();
        ClinicFixtures.DoctorAccount doctor = clinic.linkedDoctor(patient);
        UUID image = uploadedPng(doctor, patient);
        Instant start = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(3))
                .plus(Duration.ofHours(10));
        ApiResponse booked = api.post("/api/appointments")
                .token(patient.token())
                .json(Map.of(
                        "doctorId", doctor.doctorId().toString(),
                        "patientId", patient.patientId().toString(),
                        "startsAt", start.toString(),
                        "endsAt", start.plus(Duration.ofMinutes(30)).toString()))
                .send();
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String sha =
                api.get("/api/images/" + image).token(doctor.token()).send().text("sha256");
        // The linked doctor adds it (analysis services need a lease on the image's job).
        ApiResponse result = api.post("/api/images/" + image + "/results")
                .token(doctor.token())
                .json(Map.of(
                        "imageSha256",
                        sha,
                        "algorithmName",
                        "nodules",
                        "algorithmVersion",
                        "1.0",
                        "regions",
                        List.of()))
                .send();
        assertThat(result.status()).as(result.toString()).isEqualTo(201);

        for (String path : List.of(
                "/api/patients/" + patient.patientId(),
                "/api/appointments/" + booked.text("id"),
                "/api/images/" + image,
                "/api/results/" + result.text("id"))) {
            ApiResponse first = api.get(path).token(doctor.token()).send();
            assertThat(first.status()).as(path + " " + first).isEqualTo(200);
            String etag = first.header("ETag");
            assertThat(etag).as(path).matches("\"\\d+\"");

            ApiResponse again = api.get(path)
                    .token(doctor.token())
                    .header("If-None-Match", etag)
                    .send();
            assertThat(again.status()).as(path).isEqualTo(304);
            assertThat(again.raw()).as(path).isEmpty();
            assertThat(again.header("ETag")).as(path).isEqualTo(etag);

            ApiResponse stale = api.get(path)
                    .token(doctor.token())
                    .header("If-None-Match", "\"999999\"")
                    .send();
            assertThat(stale.status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void shouldHonourIfNoneMatchAndIfRangeOnImageContent() {
        ClinicFixtures.PatientAccount patient = clinic.patient();
        ClinicFixtures.DoctorAccount doctor = clinic.linkedDoctor(patient);
        byte[] png = TestFiles.png(5000);
        ApiResponse uploaded = uploadRaw(doctor.token(), patient.patientId(), png, "scan.png");
        String content = "/api/images/" + uploaded.text("id") + "/content";
        String etag = "\"" + sha256(png) + "\"";

        HttpResponse<byte[]> notModified = api.get(content)
                .token(doctor.token())
                .header("If-None-Match", etag)
                .sendForBytes();
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).contains(etag);

        HttpResponse<byte[]> partial = api.get(content)
                .token(doctor.token())
                .header("Range", "bytes=0-9")
                .header("If-Range", etag)
                .sendForBytes();
        assertThat(partial.statusCode()).isEqualTo(206);
        assertThat(partial.body()).isEqualTo(Arrays.copyOfRange(png, 0, 10));

        HttpResponse<byte[]> stale = api.get(content)
                .token(doctor.token())
                .header("Range", "bytes=0-9")
                .header("If-Range", "\"" + "0".repeat(64) + "\"")
                .sendForBytes();
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(png);
        assertThat(stale.headers().firstValue("Content-Range")).isEmpty();
    }

    @Test
    void shouldRefuseAnIdempotencyKeyReusedForADifferentFile() {
        ClinicFixtures.PatientAccount patient = clinic.patient();
        ClinicFixtures.DoctorAccount doctor = clinic.linkedDoctor(patient);
        String key = "upload-" + UUID.randomUUID();
        byte[] first = TestFiles.png(4000);
        ApiResponse created = upload(doctor, patient, first, key);
        assertThat(created.status()).isEqualTo(201);

        ApiResponse retry = upload(doctor, patient, first, key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(created.text("id"));
        assertThat(retry.header("Location")).isEqualTo(created.header("Location"));

        int rows = imageRows(patient.patientId());
        ApiResponse reused = upload(doctor, patient, TestFiles.png(4100), key);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.text("type")).isEqualTo("/problems/idempotency-key-reused");
        assertThat(imageRows(patient.patientId())).isEqualTo(rows);
        assertThat(tempFiles()).isZero();
    }

    @Test
    void shouldSayADuplicateUploadIsOneAndKeepLocation() {
        ClinicFixtures.PatientAccount patient = clinic.patient();
        ClinicFixtures.DoctorAccount doctor = clinic.linkedDoctor(patient);
        byte[] png = TestFiles.png(4500);
        ApiResponse created = uploadRaw(doctor.token(), patient.patientId(), png, "a.png");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Upload-Duplicate")).isNull();

        ApiResponse duplicate = api.post("/api/patients/" + patient.patientId() + "/images")
                .token(doctor.token())
                .header("X-Filename", "b.png")
                .header("X-Body-Part", "KNEE")
                .bytes(png, "application/octet-stream")
                .send();
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.header("X-Upload-Duplicate")).isEqualTo("true");
        assertThat(duplicate.header("Location")).isEqualTo("/api/images/" + created.text("id"));
        assertThat(duplicate.text("id")).isEqualTo(created.text("id"));
        assertThat(duplicate.json().has("bodyPart")).isFalse();
    }

    private ApiResponse upload(
            ClinicFixtures.DoctorAccount doctor, ClinicFixtures.PatientAccount patient, byte[] png, String key) {
        return api.post("/api/patients/" + patient.patientId() + "/images")
                .token(doctor.token())
                .header("X-Filename", "scan.png")
                .header("Idempotency-Key", key)
                .bytes(png, "application/octet-stream")
                .send();
    }
}
