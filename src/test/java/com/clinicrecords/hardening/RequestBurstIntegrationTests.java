package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8 item 3: refused reads and failed sign-ins used to write their audit row on a second pooled
 * connection while holding the first, so a burst exhausted the pool and every other user waited 30 s for a
 * 503. Now 200 concurrent forbidden reads plus 60 concurrent bad sign-ins leave a control user's requests
 * answered. Loopback only and bounded (260 requests, one minute at most); p99 is printed, and asserted with a
 * generous bound because the test machine is shared and busy.
 */
class RequestBurstIntegrationTests extends IntegrationTest {

    private static final int FORBIDDEN_READS = 200;
    private static final int BAD_SIGN_INS = 60;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldKeepAnsweringOtherUsersDuringABurstOfRefusalsAndBadSignIns() throws Exception {
        Account control = users.patient();
        Account attacker = users.patient();
        Account victim = users.patient();
        String victimPatientId =
                api.get("/api/patients/me").token(victim.accessToken()).send().text("id");
        assertThat(api.get("/api/patients/me")
                        .token(control.accessToken())
                        .send()
                        .status())
                .isEqualTo(200);

        ExecutorService burst = Executors.newFixedThreadPool(FORBIDDEN_READS + BAD_SIGN_INS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < FORBIDDEN_READS; i++) {
            results.add(burst.submit(() -> {
                start.await();
                return api.get("/api/patients/" + victimPatientId)
                        .token(attacker.accessToken())
                        .send()
                        .status();
            }));
        }
        for (int i = 0; i < BAD_SIGN_INS; i++) {
            String email = "nobody-" + UUID.randomUUID() + "@example.test";
            results.add(burst.submit(() -> {
                start.await();
                return api.post("/api/auth/login")
                        .json(Map.of("email", email, "password", "a wrong password"))
                        .send()
                        .status();
            }));
        }

        List<Long> controlMillis = Collections.synchronizedList(new ArrayList<>());
        List<Integer> controlStatuses = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean burstOver = new AtomicBoolean();
        start.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!burstOver.get() || controlStatuses.size() < 20) && System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            ApiResponse response =
                    api.get("/api/patients/me").token(control.accessToken()).send();
            controlMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            controlStatuses.add(response.status());
            burstOver.set(results.stream().allMatch(Future::isDone));
        }
        List<Integer> burstStatuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            burstStatuses.add(result.get(60, TimeUnit.SECONDS));
        }
        burst.shutdownNow();

        List<Long> sorted = new ArrayList<>(controlMillis);
        Collections.sort(sorted);
        long p50 = sorted.get(sorted.size() / 2);
        long p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        System.out.printf(
                "Burst of %d forbidden reads + %d bad sign-ins: control user %d requests, p50 %d ms, p99 %d ms, "
                        + "max %d ms; burst answers %s%n",
                FORBIDDEN_READS,
                BAD_SIGN_INS,
                sorted.size(),
                p50,
                p99,
                sorted.get(sorted.size() - 1),
                summary(burstStatuses));

        assertThat(controlStatuses).as("the control user's answers").containsOnly(200);
        // The target is p99 < 1 s; on a shared 2-core machine the bound is kept generous.
        assertThat(p99).as("control p99 ms").isLessThan(10_000);
        assertThat(burstStatuses.subList(0, FORBIDDEN_READS)).doesNotContain(500);
        assertThat(burstStatuses.subList(FORBIDDEN_READS, burstStatuses.size()))
                .allMatch(s -> s == 401 || s == 429 || s == 503);
        // Every refusal stays on record (written behind the requests, within 100 ms each).
        long refused = burstStatuses.subList(0, FORBIDDEN_READS).stream()
                .filter(s -> s == 403 || s == 404)
                .count();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "select count(*) from audit_events where actor_user_id = ? and outcome = 'DENY'",
                                Long.class,
                                attacker.id().toString()))
                        .isGreaterThanOrEqualTo(refused));
    }

    private static Map<Integer, Long> summary(List<Integer> statuses) {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        statuses.forEach(s -> counts.merge(s, 1L, Long::sum));
        return counts;
    }
}
