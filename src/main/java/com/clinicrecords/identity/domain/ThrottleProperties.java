package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.domain.RateLimiter.Limit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Brute-force limits, kept well below ASVS's "no more than 100 failed attempts per hour" per account. */
public final class ThrottleProperties {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private ThrottleProperties() {}

    /** Failed logins (and wrong current passwords) per account and per client IP. */
    @ConfigurationProperties("clinic.security.login-throttle")
    public record Login(Limit perAccount, Limit perIp) {

        public Login {
            perAccount = Limit.orDefault(perAccount, 10, WINDOW);
            perIp = Limit.orDefault(perIp, 50, WINDOW);
        }
    }

    /** Password-reset requests per email address and per client IP. */
    @ConfigurationProperties("clinic.security.forgot-password-throttle")
    public record ForgotPassword(Limit perEmail, Limit perIp) {

        public ForgotPassword {
            perEmail = Limit.orDefault(perEmail, 3, WINDOW);
            perIp = Limit.orDefault(perIp, 20, WINDOW);
        }
    }
}
