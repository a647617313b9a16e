package com.clinicrecords.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.imaging.ImagingTestSupport;
import com.clinicrecords.support.ApiResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wrong client secrets are throttled per (address, client): the 11th try within 15 minutes is a 429. */
class ClientCredentialsThrottleIntegrationTests extends ImagingTestSupport {

    @Test
    void tenWrongSecretsThenTooManyRequestsEvenWithTheRightOne() {
        AnalysisWorker worker = AnalysisWorker.create(api, clinic.admin().accessToken(), "THROTTLE", null);
        AnalysisWorker other = AnalysisWorker.create(api, clinic.admin().accessToken(), "THROTTLE", null);
        for (int i = 0; i < 10; i++) {
            assertThat(tokenWith(worker.clientId, "wrong-secret-" + i).status()).isEqualTo(401);
        }
        ApiResponse throttled = tokenWith(worker.clientId, worker.clientSecret);
        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.requestToken().status())
                .as("another client from the same address")
                .isEqualTo(200);
    }

    private ApiResponse tokenWith(String clientId, String secret) {
        return api.post("/api/auth/token")
                .form(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .send();
    }
}
