package com.clinicrecords.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicrecords.identity.domain.RateLimiter.Limit;
import com.clinicrecords.shared.domain.TooManyRequestsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-IP limit cannot be exercised over HTTP (every test comes from 127.0.0.1), so it is tested here. */
class LoginThrottleTests {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Test
    void shouldThrottleAnIpAcrossManyAccounts() {
        LoginThrottle throttle =
                new LoginThrottle(new ThrottleProperties.Login(new Limit(10, WINDOW), new Limit(3, WINDOW)));
        for (int i = 0; i < 3; i++) {
            throttle.check("user" + i + "@example.test", "203.0.113.7");
            throttle.recordFailure("user" + i + "@example.test", "203.0.113.7");
        }
        assertThatThrownBy(() -> throttle.check("fresh@example.test", "203.0.113.7"))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e ->
                        assertThat(((TooManyRequestsException) e).retryAfter()).isPositive());
        assertThatNoException().isThrownBy(() -> throttle.check("fresh@example.test", "198.51.100.1"));
    }

    @Test
    void shouldCountAnAccountRegardlessOfSpellingAndClearItOnSuccess() {
        LoginThrottle throttle =
                new LoginThrottle(new ThrottleProperties.Login(new Limit(2, WINDOW), new Limit(100, WINDOW)));
        throttle.recordFailure("Ann@Example.test ", "192.0.2.1");
        throttle.recordFailure("ann@example.test", "192.0.2.2");
        assertThatThrownBy(() -> throttle.check("ANN@example.test", "192.0.2.3"))
                .isInstanceOf(TooManyRequestsException.class);
        throttle.recordSuccess("ann@example.test");
        assertThatNoException().isThrownBy(() -> throttle.check("ann@example.test", "192.0.2.3"));
    }

    @Test
    void shouldFillInDefaultsForPartlyConfiguredLimits() {
        ThrottleProperties.Login props = new ThrottleProperties.Login(null, new Limit(100_000, null));
        assertThat(props.perAccount()).isEqualTo(new Limit(10, WINDOW));
        assertThat(props.perIp()).isEqualTo(new Limit(100_000, WINDOW));
    }

    @Test
    void shouldForgetBucketsThatHaveRefilled() {
        RateLimiter limiter = new RateLimiter("test", new Limit(1, Duration.ofMillis(50)));
        limiter.acquire("k");
        assertThatThrownBy(() -> limiter.acquire("k")).isInstanceOf(TooManyRequestsException.class);
        sleep(120);
        limiter.cleanup();
        assertThatNoException().isThrownBy(() -> limiter.acquire("k"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
