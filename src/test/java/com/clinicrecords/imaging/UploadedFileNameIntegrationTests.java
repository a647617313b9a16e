package com.clinicrecords.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.support.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 7: a stored file name keeps no right-to-left override, and a PNG+HTML polyglot sent as
 * ".html" is stored and downloaded under the extension of its detected type.
 */
class UploadedFileNameIntegrationTests extends ImagingTestSupport {

    @Test
    void shouldStoreAndDownloadAPolyglotWithoutBidiControlsAndWithThePngExtension() {
        ClinicFixtures.DoctorAccount doctor = clinic.doctor();
        ClinicFixtures.PatientAccount patient = clinic.patient();
        clinic.link(doctor, patient);
        ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
        polyglot.writeBytes(TestFiles.png(2000));
        polyglot.writeBytes("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));

        // "report" + U+202E + "lmth.png", percent-encoded UTF-8: shown as "reportgnp.html" by a bidi renderer.
        ApiResponse upload =
                uploadRaw(doctor.token(), patient.patientId(), polyglot.toByteArray(), "report%E2%80%AElmth.html");

        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        assertThat(upload.text("contentType")).isEqualTo("image/png");
        assertThat(upload.text("filename")).isEqualTo("reportlmth.png").doesNotContain("\u202E");
        HttpResponse<byte[]> download = api.get("/api/images/" + upload.text("id") + "/content")
                .token(doctor.token())
                .sendForBytes();
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("reportlmth.png")
                .doesNotContain(".html");
    }
}
