package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.ClinicRecordsApplication;
import com.clinicrecords.identity.domain.AccountService;
import com.clinicrecords.identity.domain.RegisterCommand;
import com.clinicrecords.imaging.TestFiles;
import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.TestDatabase;
import com.clinicrecords.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * with server.shutdown=graceful, a request that is still streaming its body when the application is
 * told to stop (SIGTERM closes the context the same way) completes normally before the server goes away.
 * Runs its own application instance on the shared test database, not the shared test context.
 */
class GracefulShutdownTests {

    @Test
    void shouldFinishAnInFlightUploadWhileShuttingDown() throws Exception {
        TestDatabase.Server db = TestDatabase.get();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ClinicRecordsApplication.class)
                .profiles("test")
                .run(db.withArguments("--server.port=0", "--spring.mail.host=127.0.0.1", "--spring.mail.port=1"));
        ApiClient api =
                new ApiClient(((WebServerApplicationContext) app).getWebServer().getPort());
        String email = "shutdown-" + UUID.randomUUID() + "@example.test";
        app.getBean(AccountService.class)
                .create(new RegisterCommand(email, TestUsers.PASSWORD, "Slow", "Upload", null), List.of("PATIENT"));
        String token = api.post("/api/auth/login")
                .json(Map.of("email", email, "password", TestUsers.PASSWORD))
                .send()
                .text("access_token");
        String patientId = api.get("/api/patients/me").token(token).send().text("id");
        byte[] png = TestFiles.png(64 * 1024);

        SlowStream body = new SlowStream(png, 16, 150);
        CompletableFuture<ApiResponse> upload =
                CompletableFuture.supplyAsync(() -> api.post("/api/patients/" + patientId + "/images")
                        .token(token)
                        .header("X-Filename", "slow.png")
                        .body(HttpRequest.BodyPublishers.ofInputStream(() -> body), "image/png")
                        .send());
        // The upload is in flight, trickling its body: a few of its 16 chunks are sent.
        await().atMost(Duration.ofSeconds(30)).until(() -> body.chunksSent() >= 4);
        long closeCalled = System.nanoTime();
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(app::close);

        ApiResponse response = upload.get(30, TimeUnit.SECONDS);
        long uploadDone = System.nanoTime();
        shutdown.get(60, TimeUnit.SECONDS);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(TimeUnit.NANOSECONDS.toMillis(uploadDone - closeCalled))
                .as("still running when close began")
                .isGreaterThan(500);
        assertThat(app.isActive()).isFalse();
    }

    /** Sends the file in {@code chunks} pieces with a pause before each, so the request lasts a few seconds. */
    private static final class SlowStream extends InputStream {

        private final ByteArrayInputStream in;
        private final int chunk;
        private final long pauseMillis;
        private final AtomicInteger chunksSent = new AtomicInteger();

        SlowStream(byte[] data, int chunks, long pauseMillis) {
            this.in = new ByteArrayInputStream(data);
            this.chunk = Math.max(1, data.length / chunks);
            this.pauseMillis = pauseMillis;
        }

        int chunksSent() {
            return chunksSent.get();
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            int read = in.read(b, off, Math.min(len, chunk));
            chunksSent.incrementAndGet();
            return read;
        }
    }
}
