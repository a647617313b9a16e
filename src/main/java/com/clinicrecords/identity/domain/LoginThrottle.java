package com.clinicrecords.identity.domain;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed password checks per account (normalised email) and per client IP. Checked before the
 * password hash is computed, so a throttled caller costs no Argon2 work. Unknown emails are counted just
 * like real ones, so the 429 reveals nothing about which accounts exist.
 */
@Component
public class LoginThrottle {

    private final RateLimiter perAccount;
    private final RateLimiter perIp;

    LoginThrottle(ThrottleProperties.Login props) {
        this.perAccount = new RateLimiter("sign-in", props.perAccount());
        this.perIp = new RateLimiter("sign-in", props.perIp());
    }

    public void check(String email, String ip) {
        perIp.check(ipKey(ip));
        perAccount.check(accountKey(email));
    }

    public void recordFailure(String email, String ip) {
        perIp.record(ipKey(ip));
        perAccount.record(accountKey(email));
    }

    /** A correct password clears the account's failures (the IP's stay). */
    public void recordSuccess(String email) {
        perAccount.reset(accountKey(email));
    }

    @Scheduled(fixedDelayString = "PT5M")
    void cleanup() {
        perAccount.cleanup();
        perIp.cleanup();
    }

    private static String accountKey(String email) {
        return email == null ? "" : EmailAddresses.normalize(email);
    }

    private static String ipKey(String ip) {
        return ip == null ? "unknown" : ip;
    }
}
