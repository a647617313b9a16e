package com.clinicrecords.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.JwtException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The cache of verified tokens must never accept what the parser would refuse: an expired token is refused
 * once the clock passes its expiry (plus the allowed skew) although it verified before, and a token that
 * differs from a remembered one in any character is parsed, not looked up.
 */
class AccessTokenServiceTests {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final JwtProperties props =
            new JwtProperties(null, null, null, Duration.ofMinutes(10), null, null, Duration.ofSeconds(30));
    private final AccessTokenService tokens =
            new AccessTokenService(new JwtSigningKey(props, new MockEnvironment()), props, clock);

    @Test
    void shouldRefuseARememberedTokenOnceItHasExpired() {
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        String token = tokens.issue(user, session);
        assertThat(tokens.verify(token).userId()).isEqualTo(user);

        clock.advance(Duration.ofMinutes(10).plusSeconds(29));
        assertThat(tokens.verify(token).sessionId()).isEqualTo(session);

        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void shouldNotAcceptATamperedCopyOfARememberedToken() {
        String token = tokens.issue(UUID.randomUUID(), UUID.randomUUID());
        tokens.verify(token);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        char last = signature.charAt(0) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + last + signature.substring(1);

        assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOf(JwtException.class);
        assertThat(tokens.verify(token)).isNotNull();
    }

    @Test
    void shouldRefuseATokenFromTheFutureEvenIfRemembered() {
        String token = tokens.issue(UUID.randomUUID(), UUID.randomUUID());
        tokens.verify(token);

        clock.advance(Duration.ofMinutes(-5));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(JwtException.class);
    }

    /** A clock a test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
