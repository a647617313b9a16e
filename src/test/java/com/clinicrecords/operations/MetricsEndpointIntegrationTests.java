package com.clinicrecords.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.ClinicRecordsApplication;
import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prometheus metrics are served only on the management port: never on the public port (not even to an admin),
 * whether the actuator shares the public port (the suite's shared context, the default) or has its own
 * ({@code MANAGEMENT_PORT}, an application started here on the test database, bound to 127.0.0.1).
 */
class MetricsEndpointIntegrationTests extends IntegrationTest {

    private static ConfigurableApplicationContext withManagementPort;

    private ApiClient publicPort;
    private ApiClient managementPort;

    @BeforeEach
    void startWithManagementPort() {
        if (withManagementPort == null) {
            TestDatabase.Server db = TestDatabase.get();
            withManagementPort = new SpringApplicationBuilder(ClinicRecordsApplication.class)
                    .profiles("test")
                    .run(db.withArguments(
                            "--server.port=0",
                            "--management.server.port=0",
                            "--spring.datasource.hikari.maximum-pool-size=3",
                            "--spring.mail.host=127.0.0.1",
                            "--spring.mail.port=1"));
        }
        publicPort = new ApiClient(((WebServerApplicationContext) withManagementPort)
                .getWebServer()
                .getPort());
        managementPort = new ApiClient(
                Integer.parseInt(withManagementPort.getEnvironment().getRequiredProperty("local.management.port")));
    }

    @AfterAll
    static void stop() {
        if (withManagementPort != null) {
            withManagementPort.close();
            withManagementPort = null;
        }
    }

    @Test
    void shouldRefuseMetricsOnThePublicPortWhenTheActuatorSharesIt() {
        assertThat(api.get("/actuator/prometheus").send().status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus")
                        .token(users.admin().accessToken())
                        .send()
                        .status())
                .as("not even an admin reads metrics on the public port")
                .isEqualTo(403);
        assertThat(api.get("/actuator/health").send().status()).isEqualTo(200);
        assertThat(api.get("/readyz").send().status()).isEqualTo(200);
        assertThat(api.get("/livez").send().status()).isEqualTo(200);
    }

    @Test
    void shouldServeMetricsOnlyOnTheManagementPortBoundToLoopback() {
        assertThat(withManagementPort.getEnvironment().getProperty("management.server.address"))
                .isEqualTo("127.0.0.1");
        assertThat(publicPort.get("/actuator/prometheus").send().status()).isEqualTo(401);
        assertThat(publicPort.get("/readyz").send().status())
                .as("load balancers keep a health check on the public port")
                .isEqualTo(200);
        assertThat(publicPort
                        .post("/api/auth/login")
                        .json(Map.of("email", "nobody@example.test", "password", "not the password"))
                        .send()
                        .status())
                .isEqualTo(401);

        ApiResponse metrics = managementPort.get("/actuator/prometheus").send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw())
                .contains("http_server_requests_seconds_bucket{")
                .contains("uri=\"/api/auth/login\"")
                .contains("hikaricp_connections_active")
                .contains("hikaricp_connections_pending")
                .contains("clinic_email_outbox_due")
                .contains("clinic_analysis_queue_due")
                .contains("clinic_analysis_queue_leased");
        assertThat(managementPort.get("/actuator/health").send().status()).isEqualTo(200);
        assertThat(managementPort.get("/actuator/env").send().status())
                .as("only health, info and metrics are exposed")
                .isIn(401, 404);
    }
}
