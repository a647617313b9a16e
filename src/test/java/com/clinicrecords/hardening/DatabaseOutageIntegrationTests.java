package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.clinicrecords.shared.persistence.EmbeddedMariaDb;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestDatabase;
import com.clinicrecords.support.TestUsers;
import com.clinicrecords.support.TestUsers.Account;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * with the database gone, requests fail fast with 503 + Retry-After (not a hang, 401 or 500), liveness
 * stays up while readiness goes down, and the application recovers by itself once the database is back.
 * Needs the embedded server (it is stopped and started); skipped when the tests run on Docker MySQL.
 */
class DatabaseOutageIntegrationTests extends IntegrationTest {

    @Test
    void shouldAnswer503WhileTheDatabaseIsDownAndRecoverAfterwards() throws Exception {
        EmbeddedMariaDb db = TestDatabase.get().embedded();
        assumeTrue(db != null, "needs the embedded database server");
        Account user = users.patient();

        db.stop();
        try {
            long started = System.nanoTime();
            ApiResponse authenticated =
                    api.get("/api/users/me").token(user.accessToken()).send();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            ApiResponse login = api.post("/api/auth/login")
                    .json(Map.of("email", user.email(), "password", TestUsers.PASSWORD))
                    .send();

            assertUnavailable(authenticated);
            assertUnavailable(login);
            assertThat(took).as("fails fast (Hikari connection-timeout 3 s)").isLessThan(Duration.ofSeconds(8));
            assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
            assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(503);
        } finally {
            db.restart();
        }

        ApiResponse recovered = awaitOk(user.accessToken(), Duration.ofSeconds(30));
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
    }

    private static void assertUnavailable(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("/problems/service-unavailable");
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("jdbc:");
    }

    private ApiResponse awaitOk(String token, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ApiResponse last;
        do {
            last = api.get("/api/users/me").token(token).send();
            if (last.status() == 200) {
                return last;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return last;
    }
}
