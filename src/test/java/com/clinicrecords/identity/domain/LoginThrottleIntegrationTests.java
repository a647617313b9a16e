package com.clinicrecords.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicrecords.identity.domain.RateLimiter.Limit;
import com.clinicrecords.identity.persistence.SharedRateLimits;
import com.clinicrecords.shared.domain.TooManyRequestsException;
import com.clinicrecords.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The throttle's buckets on the real database. The per-IP limit cannot be exercised over HTTP (every test
 * comes from 127.0.0.1), so it is tested here with made-up addresses.
 */
class LoginThrottleIntegrationTests extends IntegrationTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Autowired
    SharedRateLimits limits;

    private LoginThrottle throttle(long perAccountClient, long perAccount, long perIp) {
        return new LoginThrottle(
                limits,
                new ThrottleProperties.Login(
                        new Limit(perAccountClient, WINDOW),
                        new Limit(perAccount, WINDOW),
                        new Limit(perIp, WINDOW),
                        null));
    }

    private static String ip() {
        UUID u = UUID.randomUUID();
        return "2001:db8::" + Long.toHexString(u.getMostSignificantBits() & 0xffff) + ":"
                + Long.toHexString(u.getLeastSignificantBits() & 0xffff);
    }

    @Test
    void shouldThrottleAnIpAcrossManyAccounts() {
        LoginThrottle throttle = throttle(10, 50, 3);
        String ip = ip();
        for (int i = 0; i < 3; i++) {
            throttle.reserve(null, "user" + i + "-" + UUID.randomUUID() + "@example.test", ip);
        }
        assertThatThrownBy(() -> throttle.reserve(null, "fresh-" + UUID.randomUUID() + "@example.test", ip))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e ->
                        assertThat(((TooManyRequestsException) e).retryAfter()).isPositive());
        assertThatNoException().isThrownBy(() -> throttle.reserve(null, "fresh@example.test", ip()));
    }

    @Test
    void shouldLockOnlyTheGuessingClientOutUntilTheLooseAccountLimit() {
        LoginThrottle throttle = throttle(2, 5, 1000);
        UUID account = UUID.randomUUID();
        String attacker = ip();
        throttle.reserve(account, "x", attacker);
        throttle.reserve(account, "x", attacker);
        assertThatThrownBy(() -> throttle.reserve(account, "x", attacker)).isInstanceOf(TooManyRequestsException.class);
        // The owner, elsewhere, still gets in; a correct password gives the attempt back.
        LoginThrottle.Reservation ok = throttle.reserve(account, "x", ip());
        throttle.succeeded(ok);
        // Many clients together exhaust the looser per-account allowance (2 taken + 3 more = 5).
        LoginThrottle.Reservation last = null;
        for (int i = 0; i < 3; i++) {
            last = throttle.reserve(account, "x", ip());
        }
        assertThat(last.accountLimitReached()).isTrue();
        assertThatThrownBy(() -> throttle.reserve(account, "x", ip())).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void shouldGiveEveryTokenBackWhenAnAttemptIsCancelled() {
        LoginThrottle throttle = throttle(1, 10, 10);
        UUID account = UUID.randomUUID();
        String ip = ip();
        throttle.cancel(throttle.reserve(account, "x", ip));
        assertThatNoException().isThrownBy(() -> throttle.reserve(account, "x", ip));
    }

    @Test
    void shouldFillInDefaultsForPartlyConfiguredLimits() {
        ThrottleProperties.Login props = new ThrottleProperties.Login(null, null, new Limit(100_000, null), null);
        assertThat(props.perAccountClient()).isEqualTo(new Limit(10, WINDOW));
        assertThat(props.perAccount()).isEqualTo(new Limit(50, Duration.ofHours(1)));
        assertThat(props.perIp()).isEqualTo(new Limit(100_000, WINDOW));
        assertThat(props.ownerNoticeInterval()).isEqualTo(Duration.ofHours(1));
    }
}
