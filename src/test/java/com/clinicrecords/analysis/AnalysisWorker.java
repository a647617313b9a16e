package com.clinicrecords.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A small reference analysis worker that knows nothing but the public HTTP API: it signs in with the
 * client-credentials grant, claims jobs, downloads the bytes, checks their SHA-256 and completes or fails.
 */
final class AnalysisWorker {

    static final Map<String, Object> BOX =
            Map.of("x", 1, "y", 2, "width", 3, "height", 4, "label", "nodule", "score", 0.9);

    final String clientId;
    final String clientSecret;
    private final ApiClient api;
    private String token;

    AnalysisWorker(ApiClient api, String clientId, String clientSecret) {
        this.api = api;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** Creates a client (as the given admin) handling only {@code modality}, optionally with a webhook. */
    static AnalysisWorker create(ApiClient api, String adminToken, String modality, String webhookUrl) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", "worker " + modality);
        body.put("modalities", List.of(modality));
        if (webhookUrl != null) {
            body.put("webhookUrl", webhookUrl);
        }
        ApiResponse created = api.post("/api/admin/service-clients")
                .token(adminToken)
                .json(body)
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new AnalysisWorker(
                api, created.json().path("client").path("clientId").asString(), created.text("clientSecret"));
    }

    ApiResponse requestToken() {
        return api.post("/api/auth/token")
                .form(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret))
                .send();
    }

    String token() {
        if (token == null) {
            ApiResponse response = requestToken();
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            token = response.text("access_token");
        }
        return token;
    }

    ApiResponse claimResponse(int maxJobs, Integer leaseSeconds) {
        Map<String, Object> body = leaseSeconds == null
                ? Map.of("maxJobs", maxJobs)
                : Map.of("maxJobs", maxJobs, "leaseSeconds", leaseSeconds);
        return api.post("/api/analysis/jobs/claim").token(token()).json(body).send();
    }

    List<JsonNode> claim(int maxJobs, Integer leaseSeconds) {
        ApiResponse response = claimResponse(maxJobs, leaseSeconds);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> jobs = new ArrayList<>();
        response.json().path("jobs").forEach(jobs::add);
        return jobs;
    }

    HttpResponse<byte[]> download(JsonNode job) {
        return api.get(job.path("contentUrl").asString()).token(token()).sendForBytes();
    }

    ApiResponse heartbeat(String jobId) {
        return api.post("/api/analysis/jobs/" + jobId + "/heartbeat")
                .token(token())
                .send();
    }

    ApiResponse complete(String jobId, String sha256) {
        return api.post("/api/analysis/jobs/" + jobId + "/complete")
                .token(token())
                .json(Map.of(
                        "imageSha256",
                        sha256,
                        "algorithmName",
                        "reference-worker",
                        "algorithmVersion",
                        "1.0",
                        "regions",
                        List.of(BOX),
                        "findings",
                        "machine findings"))
                .send();
    }

    ApiResponse fail(String jobId, String reason, boolean retryable) {
        return api.post("/api/analysis/jobs/" + jobId + "/fail")
                .token(token())
                .json(Map.of("reason", reason, "retryable", retryable))
                .send();
    }

    /** The whole loop for one job: claim, download, hash, complete. */
    ApiResponse processOne() {
        List<JsonNode> jobs = claim(1, null);
        assertThat(jobs).hasSize(1);
        JsonNode job = jobs.get(0);
        HttpResponse<byte[]> content = download(job);
        assertThat(content.statusCode()).isEqualTo(200);
        String sha = sha256(content.body());
        assertThat(sha).isEqualTo(job.path("imageSha256").asString());
        return complete(job.path("id").asString(), sha);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
