package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.domain.RateLimiter.Limit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Brute-force limits, kept well below ASVS's "no more than 100 failed attempts per hour" per account. */
public final class ThrottleProperties {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private ThrottleProperties() {}

    /**
     * Failed logins (and wrong current passwords): per (account, client IP) tight, per account looser (so one
     * client alone cannot lock the owner out), per client IP. All shared through the database.
     */
    @ConfigurationProperties("clinic.security.login-throttle")
    public record Login(Limit perAccountClient, Limit perAccount, Limit perIp, Duration ownerNoticeInterval) {

        public Login {
            perAccountClient = Limit.orDefault(perAccountClient, 10, WINDOW);
            perAccount = Limit.orDefault(perAccount, 50, Duration.ofHours(1));
            perIp = Limit.orDefault(perIp, 50, WINDOW);
            ownerNoticeInterval = ownerNoticeInterval != null ? ownerNoticeInterval : Duration.ofHours(1);
        }
    }

    /** Password-reset requests per email address and per client IP (shared through the database). */
    @ConfigurationProperties("clinic.security.forgot-password-throttle")
    public record ForgotPassword(Limit perEmail, Limit perIp) {

        public ForgotPassword {
            perEmail = Limit.orDefault(perEmail, 3, WINDOW);
            perIp = Limit.orDefault(perIp, 20, WINDOW);
        }
    }
}
