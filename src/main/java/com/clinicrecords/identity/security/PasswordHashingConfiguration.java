package com.clinicrecords.identity.security;

import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id at the OWASP/ASVS minimum (19 MiB, t=2, p=1). Only this id is accepted: unlike Spring's default
 * delegating encoder, a {noop} or MD5 hash that slips into the table can never log anyone in.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

    static final String ARGON2ID = "argon2id-v1";

    /**
     * At most {@code clinic.security.password-hashing.max-concurrent} hashes at once (default: the number of
     * cores), {@code max-waiting} more callers (default: twice that) wait up to {@code max-wait} (2 s), every
     * further caller gets 503 with Retry-After at once.
     */
    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${clinic.security.password-hashing.max-concurrent:0}") int maxConcurrent,
            @Value("${clinic.security.password-hashing.max-waiting:-1}") int maxWaiting,
            @Value("${clinic.security.password-hashing.max-wait:2s}") Duration maxWait) {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(ARGON2ID, Map.of(ARGON2ID, argon2));
        encoder.setDefaultPasswordEncoderForMatches(new RejectingPasswordEncoder());
        int concurrent = maxConcurrent > 0
                ? maxConcurrent
                : Math.max(2, Runtime.getRuntime().availableProcessors());
        int waiting = maxWaiting >= 0 ? maxWaiting : 2 * concurrent;
        return new BoundedPasswordEncoder(encoder, concurrent, waiting, maxWait);
    }

    /** Any hash without the allowed prefix simply does not match (instead of throwing a 500). */
    private static final class RejectingPasswordEncoder implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("only used for matching");
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return false;
        }
    }
}
