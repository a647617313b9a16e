package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.PasswordResetTokenRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.notifications.domain.EmailOutbox;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates a reset token for an active account and queues the email carrying it. */
@Component
class ResetTokenIssuer {

    private final UserRepository users;
    private final PasswordResetTokenRepository tokens;
    private final EmailOutbox outbox;
    private final AccountSecurityProperties props;
    private final Clock clock;

    ResetTokenIssuer(
            UserRepository users,
            PasswordResetTokenRepository tokens,
            EmailOutbox outbox,
            AccountSecurityProperties props,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.outbox = outbox;
        this.props = props;
        this.clock = clock;
    }

    /** The user row is locked so two concurrent requests cannot both leave a valid token behind. */
    @Transactional
    public void issue(String canonicalEmail) {
        users.lockByEmailCanonical(canonicalEmail).filter(User::isActive).ifPresent(user -> {
            Instant now = clock.instant();
            String token = OpaqueTokens.generate();
            tokens.spendAllForUser(user.getId(), now);
            tokens.save(new PasswordResetToken(
                    OpaqueTokens.sha256Hex(token), user.getId(), now, now.plus(props.resetTokenTtl())));
            outbox.enqueueSecret(user.getEmail(), "Reset your Clinic Records password", body(token));
        });
    }

    private String body(String token) {
        return """
                Someone asked to reset the password of your Clinic Records account.

                Your reset code: %s

                It can be used once and expires in %d minutes. If you did not ask for this, ignore this email: \
                your password stays unchanged.
                """.formatted(token, props.resetTokenTtl().toMinutes());
    }
}
