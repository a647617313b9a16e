package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.domain.RateLimiter.Limit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Self-registration ({@code SELF_REGISTRATION}) and the throttles of account-address changes: sign-ups per
 * client IP and per address (in every mode), phone-number conflicts on profile updates and wrong current
 * passwords on email changes per account.
 */
@ConfigurationProperties("clinic.security.registration")
public record RegistrationProperties(
        SelfRegistration.Mode mode,
        Limit perIp,
        Limit perAddress,
        Limit phoneConflictsPerAccount,
        Limit emailChangePerAccount) {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    public RegistrationProperties {
        mode = mode != null ? mode : SelfRegistration.Mode.OPEN;
        perIp = Limit.orDefault(perIp, 20, WINDOW);
        perAddress = Limit.orDefault(perAddress, 5, WINDOW);
        phoneConflictsPerAccount = Limit.orDefault(phoneConflictsPerAccount, 5, WINDOW);
        emailChangePerAccount = Limit.orDefault(emailChangePerAccount, 5, WINDOW);
    }
}
