package com.clinicrecords.identity.domain;

import com.clinicrecords.notifications.domain.EmailOutbox;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * System-generated initial/temporary passwords (ASVS 6.4.1): ~100 random bits, emailed, expiring, and
 * usable only to set a new password. Callers own the transaction.
 */
@Component
class TemporaryPasswords {

    // No look-alike characters (0/o, 1/l/i), so the password can be typed from the email.
    private static final char[] ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordEncoder passwordEncoder;
    private final EmailOutbox outbox;
    private final AccountSecurityProperties props;
    private final Clock clock;

    TemporaryPasswords(
            PasswordEncoder passwordEncoder, EmailOutbox outbox, AccountSecurityProperties props, Clock clock) {
        this.passwordEncoder = passwordEncoder;
        this.outbox = outbox;
        this.props = props;
        this.clock = clock;
    }

    /** Sets a fresh temporary password on the user and queues the email that delivers it. */
    void issue(User user, String reason) {
        String password = generate();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(props.temporaryPasswordTtl());
        user.setTemporaryPassword(passwordEncoder.encode(password), expiresAt, now);
        outbox.enqueueSecret(user.getEmail(), "Your temporary Clinic Records password", """
                %s

                Temporary password: %s

                Sign in with it within %d hours; you will then be asked to choose your own password.
                """.formatted(
                        reason, password, props.temporaryPasswordTtl().toHours()));
    }

    static String generate() {
        StringBuilder sb = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                sb.append('-');
            }
            for (int i = 0; i < 5; i++) {
                sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
        }
        return sb.toString();
    }
}
