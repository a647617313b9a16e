package com.clinicrecords.identity.security;

import java.util.Map;
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

    @Bean
    PasswordEncoder passwordEncoder() {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(ARGON2ID, Map.of(ARGON2ID, argon2));
        encoder.setDefaultPasswordEncoderForMatches(new RejectingPasswordEncoder());
        return encoder;
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
