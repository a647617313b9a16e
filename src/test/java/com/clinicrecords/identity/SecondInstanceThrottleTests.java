package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.ClinicRecordsApplication;
import com.clinicrecords.identity.domain.AccountService;
import com.clinicrecords.identity.domain.RegisterCommand;
import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestDatabase;
import com.clinicrecords.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 item 6 (throttling part): the sign-in and forgot-password limits live in the database, so they hold
 * across application instances. Instance A is the shared test context, instance B a second application on the
 * same database. Also shows that B's refusals, written behind its requests, are all in the audit trail after
 * B shuts down gracefully.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondInstanceThrottleTests extends IntegrationTest {

    private static final int LIMIT = 10;
    private static ConfigurableApplicationContext second;
    private static ApiClient apiB;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startSecondInstance() {
        TestDatabase.Server db = TestDatabase.get();
        second = new SpringApplicationBuilder(ClinicRecordsApplication.class)
                .profiles("test")
                .run(db.withArguments(
                        "--server.port=0",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=1",
                        "--clinic.mail.relay-interval=1h"));
        apiB = new ApiClient(
                ((WebServerApplicationContext) second).getWebServer().getPort());
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null && second.isActive()) {
            second.close();
        }
    }

    private String account() {
        String email = "two-instances-" + UUID.randomUUID() + "@example.test";
        accounts.create(new RegisterCommand(email, TestUsers.PASSWORD, "Two", "Instances", null), List.of("PATIENT"));
        return email;
    }

    private static ApiResponse login(ApiClient client, String email, String password) {
        return client.post("/api/auth/login")
                .json(Map.of("email", email, "password", password))
                .send();
    }

    @Test
    void shouldHoldTheSignInLimitAcrossInstances() {
        String email = account();
        for (int i = 0; i < LIMIT; i++) {
            ApiClient client = i % 2 == 0 ? api : apiB;
            assertThat(login(client, email, "wrong " + i).status()).isEqualTo(401);
        }
        assertThat(login(api, email, TestUsers.PASSWORD).status()).isEqualTo(429);
        assertThat(login(apiB, email, TestUsers.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void shouldNeverCheckMoreThanTheLimitWhenGuessesArriveAtBothInstancesAtOnce() throws Exception {
        String email = account();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                ApiClient client = i % 2 == 0 ? api : apiB;
                String password = "guess " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return login(client, email, password).status();
                }));
            }
            start.countDown();
            int checked = 0;
            for (Future<Integer> result : results) {
                int status = result.get(120, TimeUnit.SECONDS);
                assertThat(status).isIn(401, 429, 503);
                checked += status == 401 ? 1 : 0;
            }
            assertThat(checked).isBetween(1, LIMIT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldHoldTheForgotPasswordLimitAcrossInstances() {
        String email = account();
        for (int i = 0; i < 3; i++) {
            ApiClient client = i % 2 == 0 ? api : apiB;
            assertThat(client.post("/api/auth/password/forgot")
                            .json(Map.of("email", email))
                            .send()
                            .status())
                    .isEqualTo(202);
        }
        assertThat(apiB.post("/api/auth/password/forgot")
                        .json(Map.of("email", email))
                        .send()
                        .status())
                .isEqualTo(429);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void shouldLoseNoRefusalWhenTheInstanceShutsDownGracefully() {
        TestUsers.Account attacker = users.patient();
        TestUsers.Account victim = users.patient();
        String victimId =
                api.get("/api/patients/me").token(victim.accessToken()).send().text("id");
        // Each test instance signs tokens with its own generated key: sign in on B.
        String attackerOnB = login(apiB, attacker.email(), TestUsers.PASSWORD).text("access_token");
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            int status = apiB.get("/api/patients/" + victimId)
                    .token(attackerOnB)
                    .send()
                    .status();
            refused += status == 403 || status == 404 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(30);
        // Closed at once: what is still queued must be written by the shutdown, not lost.
        second.close();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_events where actor_user_id = ? and outcome = 'DENY'",
                        Integer.class,
                        attacker.id().toString()))
                .isEqualTo(30);
    }
}
