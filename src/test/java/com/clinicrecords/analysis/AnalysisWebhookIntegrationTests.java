package com.clinicrecords.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.imaging.ImagingTestSupport;
import com.clinicrecords.imaging.TestFiles;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Push delivery: a receiver on 127.0.0.1 answers the first offer with 500 and the next with 200. It checks
 * every signature the way docs/imaging-api.md tells integrators to (its own HMAC code, not the server's).
 */
class AnalysisWebhookIntegrationTests extends ImagingTestSupport {

    private record Received(String id, String timestamp, String signature, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("Clinic-Webhook-Id"),
                        exchange.getRequestHeaders().getFirst("Clinic-Webhook-Timestamp"),
                        exchange.getRequestHeaders().getFirst("Clinic-Webhook-Signature"),
                        body));
            }
            int status = calls.incrementAndGet() == 1 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void shouldSignRetryAfter500AndNeverDeliverTwiceAfterA2xx() throws Exception {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        String modality = uniqueModality("W");
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        ApiResponse created = api.post("/api/admin/service-clients")
                .token(clinic.admin().accessToken())
                .json(Map.of("name", "push worker", "modalities", List.of(modality), "webhookUrl", url))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String webhookSecret = created.text("webhookSecret");
        String clientId = created.json().path("client").path("clientId").asString();
        AnalysisWorker worker = new AnalysisWorker(api, clientId, created.text("clientSecret"));

        ApiResponse upload = uploadScan(doctor.token(), patient.patientId(), modality, TestFiles.png(7100), "scan.png");
        assertThat(upload.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
        // Accepted once: no further delivery of the offer however long the relay keeps running.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);

        Received failed = received.get(0);
        Received accepted = received.get(1);
        assertThat(accepted.id()).isEqualTo(failed.id());
        long now = System.currentTimeMillis() / 1000;
        for (Received r : received) {
            assertThat(Math.abs(now - Long.parseLong(r.timestamp()))).isLessThan(300);
            assertThat(r.signature()).isEqualTo(expectedSignature(webhookSecret, r.timestamp(), r.body()));
            assertThat(r.signature()).isNotEqualTo(expectedSignature("wrong secret", r.timestamp(), r.body()));
        }
        JsonNode offer = JsonMapper.builder().build().readTree(accepted.body());
        assertThat(offer.path("type").asString()).isEqualTo("analysis.job.leased");
        assertThat(offer.path("deliveryId").asString()).isEqualTo(accepted.id());
        JsonNode job = offer.path("job");
        assertThat(job.path("imageId").asString()).isEqualTo(upload.text("id"));
        assertThat(job.has("patientId")).isFalse();
        assertThat(accepted.body()).doesNotContain(patient.patientId().toString());

        // The offer came with the lease: the worker downloads and completes without claiming.
        assertThat(worker.claim(1, null)).isEmpty();
        var content = worker.download(job);
        assertThat(content.statusCode()).isEqualTo(200);
        ApiResponse completed = worker.complete(job.path("id").asString(), AnalysisWorker.sha256(content.body()));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(201);
        assertThat(api.get("/api/images/" + upload.text("id"))
                        .token(doctor.token())
                        .send()
                        .text("status"))
                .isEqualTo("PROCESSED");
        assertThat(received).hasSize(2);
    }

    /** What a receiver computes: hex HMAC-SHA256 with the webhook secret over "timestamp.body". */
    private static String expectedSignature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hex = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return "v1=" + hex;
    }
}
