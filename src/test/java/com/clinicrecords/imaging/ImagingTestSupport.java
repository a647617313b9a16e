package com.clinicrecords.imaging;

import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared helpers of the imaging and analysis integration tests (same Spring context as every other test). */
public abstract class ImagingTestSupport extends IntegrationTest {

    /** Where the test profile stores images (clinic.imaging.storage.local-dir). */
    protected static final Path STORAGE = Path.of("target", "test-images");

    @Autowired
    protected JdbcTemplate jdbc;

    protected ClinicFixtures clinic;

    @BeforeEach
    void createFixture() {
        clinic = new ClinicFixtures(api, users);
    }

    protected ApiResponse uploadRaw(String token, UUID patientId, byte[] content, String filename) {
        return api.post("/api/patients/" + patientId + "/images")
                .token(token)
                .header("X-Filename", filename)
                .bytes(content, "application/octet-stream")
                .send();
    }

    /**
     * A modality no other test uses ({@code prefix} and ten hex digits): analysis workers claim by modality, so
     * one test's worker never takes another test's jobs.
     */
    protected static String uniqueModality(String prefix) {
        return prefix
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** A raw upload with its modality, which decides which analysis service gets its job. */
    protected ApiResponse uploadScan(String token, UUID patientId, String modality, byte[] content, String filename) {
        return api.post("/api/patients/" + patientId + "/images")
                .token(token)
                .header("X-Filename", filename)
                .header("X-Modality", modality)
                .bytes(content, "application/octet-stream")
                .send();
    }

    protected ApiResponse uploadMultipart(
            String token, UUID patientId, byte[] content, String filename, String... fields) {
        TestFiles.Multipart multipart = TestFiles.multipart(filename, "application/octet-stream", content, fields);
        return api.post("/api/patients/" + patientId + "/images")
                .token(token)
                .bytes(multipart.body(), multipart.contentType())
                .send();
    }

    /** Uploads a fresh PNG as a linked doctor and returns its id. */
    protected UUID uploadedPng(ClinicFixtures.DoctorAccount doctor, ClinicFixtures.PatientAccount patient) {
        ApiResponse response = uploadRaw(doctor.token(), patient.patientId(), TestFiles.png(5000), "scan.png");
        if (response.status() != 201) {
            throw new IllegalStateException("upload failed: " + response);
        }
        return UUID.fromString(response.text("id"));
    }

    protected int imageRows(UUID patientId) {
        return jdbc.queryForObject(
                "select count(*) from images where patient_id = ?", Integer.class, patientId.toString());
    }

    protected static long tempFiles() {
        Path tmp = STORAGE.resolve(".tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
