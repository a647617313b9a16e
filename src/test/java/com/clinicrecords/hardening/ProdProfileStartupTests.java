package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.ClinicRecordsApplication;
import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.TestDatabase;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * C-06: the real application started with the {@code prod} profile (its own context on the shared test
 * database): API docs are off, actuator shows health status only, and HSTS is sent behind a TLS proxy.
 */
class ProdProfileStartupTests {

    private static ConfigurableApplicationContext app;
    private static ApiClient api;

    @BeforeAll
    static void startInProd() {
        TestDatabase.Server db = TestDatabase.get();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        // Command-line arguments: they outrank application.yml, like the environment does in a deployment.
        app = new SpringApplicationBuilder(ClinicRecordsApplication.class)
                .profiles("prod")
                .run(db.withArguments(
                        "--server.port=0",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=1",
                        "--clinic.security.jwt.secret=" + Base64.getEncoder().encodeToString(key)));
        api = new ApiClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void shouldNotServeApiDocsInProd() {
        assertThat(api.get("/v3/api-docs").send().status()).isEqualTo(404);
        assertThat(api.get("/swagger-ui.html").send().status()).isEqualTo(404);
        assertThat(api.get("/swagger-ui/index.html").send().status()).isEqualTo(404);
    }

    @Test
    void shouldShowOnlyHealthStatusToAnonymousCallers() {
        ApiResponse health = api.get("/actuator/health").send();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().propertyNames()).contains("status").doesNotContain("components", "details");
        assertThat(api.get("/actuator/env").send().status()).isEqualTo(401);
    }

    @Test
    void shouldSendHstsWhenTheTrustedProxyTerminatedTls() {
        ApiResponse viaTls =
                api.get("/api/users/me").header("X-Forwarded-Proto", "https").send();
        assertThat(viaTls.status()).isEqualTo(401);
        assertThat(viaTls.header("Strict-Transport-Security"))
                .contains("max-age=31536000")
                .contains("includeSubDomains");
        assertThat(api.get("/api/users/me").send().header("Strict-Transport-Security"))
                .isNull();
    }

    @Test
    void shouldTrustForwardedHeadersFromLoopbackOnlyByDefault() {
        Pattern trusted = Pattern.compile(app.getEnvironment().getProperty("server.tomcat.remoteip.internal-proxies"));
        assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
        assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        for (String intranet : List.of("10.0.0.1", "192.168.1.10", "172.16.0.1", "172.31.255.1", "169.254.1.1")) {
            assertThat(trusted.matcher(intranet).matches()).as(intranet).isFalse();
        }
    }
}
