package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** API4: JSON bodies are capped at 1 MiB with a 413 Problem Details, whether the size is declared or not. */
class RequestLimitsIntegrationTests extends IntegrationTest {

    private static final int OVER_LIMIT = 1024 * 1024 + 10;

    @Test
    void shouldRefuseJsonBodyOverTheLimitWith413() {
        String token = users.patient().accessToken();
        ApiResponse response =
                api.put("/api/users/me").token(token).json(bigJson()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("/problems/payload-too-large");
    }

    @Test
    void shouldRefuseChunkedJsonBodyOverTheLimitWith413() {
        String token = users.patient().accessToken();
        byte[] body = bigJson().getBytes(StandardCharsets.UTF_8);
        ApiResponse response = api.put("/api/users/me")
                .token(token)
                .body(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                        "application/json")
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldAskForAuthenticationBeforeLookingAtTheBodySize() {
        assertThat(api.put("/api/users/me").json(bigJson()).send().status()).isEqualTo(401);
    }

    @Test
    void shouldStillAcceptNormalBodies() {
        String token = users.patient().accessToken();
        ApiResponse response = api.put("/api/users/me")
                .token(token)
                .json("{\"firstName\":\"Ann\",\"lastName\":\"Lee\"}")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static String bigJson() {
        return "{\"firstName\":\"" + "a".repeat(OVER_LIMIT) + "\",\"lastName\":\"x\"}";
    }
}
