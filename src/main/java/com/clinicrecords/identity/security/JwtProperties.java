package com.clinicrecords.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings. {@code secret} is a base64 key of at least 32 random bytes (HS256); production refuses
 * to start without one. Session timeouts follow ASVS L2: 30 minutes idle, 12 hours absolute.
 */
@ConfigurationProperties("clinic.security.jwt")
public record JwtProperties(
        String secret,
        String issuer,
        String audience,
        Duration accessTokenTtl,
        Duration sessionIdleTimeout,
        Duration sessionAbsoluteLifetime,
        Duration clockSkew) {

    public JwtProperties {
        issuer = issuer != null ? issuer : "clinic-records";
        audience = audience != null ? audience : "clinic-api";
        accessTokenTtl = accessTokenTtl != null ? accessTokenTtl : Duration.ofMinutes(10);
        sessionIdleTimeout = sessionIdleTimeout != null ? sessionIdleTimeout : Duration.ofMinutes(30);
        sessionAbsoluteLifetime = sessionAbsoluteLifetime != null ? sessionAbsoluteLifetime : Duration.ofHours(12);
        clockSkew = clockSkew != null ? clockSkew : Duration.ofSeconds(30);
    }
}
