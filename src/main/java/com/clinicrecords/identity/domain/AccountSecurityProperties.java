package com.clinicrecords.identity.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lifetimes of recovery secrets. ASVS 6.5/6.6: out-of-band codes live at most 10 minutes and allow only a
 * few guesses; reset tokens are single use and short-lived.
 */
@ConfigurationProperties("clinic.security.account")
public record AccountSecurityProperties(
        Duration resetTokenTtl,
        Duration temporaryPasswordTtl,
        Duration verificationCodeTtl,
        Duration verificationResendInterval,
        int verificationMaxAttempts) {

    public AccountSecurityProperties {
        resetTokenTtl = resetTokenTtl != null ? resetTokenTtl : Duration.ofMinutes(15);
        temporaryPasswordTtl = temporaryPasswordTtl != null ? temporaryPasswordTtl : Duration.ofHours(24);
        verificationCodeTtl = verificationCodeTtl != null ? verificationCodeTtl : Duration.ofMinutes(10);
        verificationResendInterval =
                verificationResendInterval != null ? verificationResendInterval : Duration.ofSeconds(60);
        verificationMaxAttempts = verificationMaxAttempts > 0 ? verificationMaxAttempts : 5;
    }
}
