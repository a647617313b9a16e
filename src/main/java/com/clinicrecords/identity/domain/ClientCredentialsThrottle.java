package com.clinicrecords.identity.domain;

import com.clinicrecords.shared.domain.UnauthorizedException;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed client-credentials grants are throttled per (client IP, client id): after 10 failures in 15 minutes
 * that pair gets 429 with Retry-After until the bucket refills, even with the right secret. Client secrets are
 * 256-bit random values, so guessing is hopeless anyway; the throttle keeps a misconfigured or hostile caller
 * from turning the token endpoint into a load generator for the secret check. Keyed by the pair so one noisy
 * address cannot lock a service client out everywhere. In memory, per instance (as the other form throttles):
 * with several instances the effective limit multiplies by their number.
 */
@Component
public class ClientCredentialsThrottle {

    private final RateLimiter failures =
            new RateLimiter("client-credentials", new RateLimiter.Limit(10, Duration.ofMinutes(15)));

    public MachineAccounts.IssuedAccessToken grant(
            ClientCredentialsGrant grant, String clientId, String clientSecret, ClientInfo client) {
        String key = client.ip() + "|" + clientId;
        failures.check(key);
        try {
            return grant.grant(clientId, clientSecret, client);
        } catch (UnauthorizedException refused) {
            failures.record(key);
            throw refused;
        }
    }

    @Scheduled(fixedDelayString = "PT5M")
    void cleanup() {
        failures.cleanup();
    }
}
