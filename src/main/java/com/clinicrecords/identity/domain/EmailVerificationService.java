package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.EmailVerificationCodeRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.notifications.domain.EmailOutbox;
import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Proves the user controls their email address with a short-lived, single-use six-digit code. */
@Service
public class EmailVerificationService {

    private static final String INVALID = "The verification code is invalid or has expired";

    private final UserRepository users;
    private final EmailVerificationCodeRepository codes;
    private final VerificationCodes codec;
    private final EmailOutbox outbox;
    private final AccountSecurityProperties props;
    private final SecurityEvents events;
    private final PasswordEncoder passwords;
    private final Clock clock;

    EmailVerificationService(
            UserRepository users,
            EmailVerificationCodeRepository codes,
            VerificationCodes codec,
            EmailOutbox outbox,
            AccountSecurityProperties props,
            SecurityEvents events,
            PasswordEncoder passwords,
            Clock clock) {
        this.users = users;
        this.codes = codes;
        this.codec = codec;
        this.outbox = outbox;
        this.props = props;
        this.events = events;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Sends a new code (replacing any earlier one), at most once per resend interval. */
    @Transactional
    public void sendCode(UUID userId) {
        User user = users.findById(userId).orElseThrow(() -> NotFoundException.of("User"));
        if (user.isEmailVerified()) {
            throw new ConflictException("email-already-verified", "The email address is already verified");
        }
        Duration wait = issue(user);
        if (wait != null) {
            throw new TooManyRequestsException("A code was sent recently; wait before asking again", wait);
        }
    }

    /**
     * The first code, sent by registration (in the caller's transaction). Returns false, sending nothing, when a
     * code went to the address within the resend interval.
     */
    @Transactional
    public boolean sendRegistrationCode(User user) {
        return issue(user) == null;
    }

    /** Replaces the pending code and mails a new one; returns how long to wait instead when sent too recently. */
    private Duration issue(User user) {
        UUID userId = user.getId();
        Instant now = clock.instant();
        var previous = codes.findForUpdate(userId);
        if (previous.isPresent()) {
            Instant allowedAt = previous.get().getCreatedAt().plus(props.verificationResendInterval());
            if (now.isBefore(allowedAt)) {
                return Duration.between(now, allowedAt);
            }
            codes.delete(previous.get());
            codes.flush();
        }
        String code = codec.generate();
        codes.save(new EmailVerificationCode(
                userId, user.getEmail(), codec.hash(userId, code), now, now.plus(props.verificationCodeTtl())));
        outbox.enqueueSecret(user.getEmail(), "Your Clinic Records verification code", """
                Your verification code: %s

                It expires in %d minutes. If you did not ask for it, you can ignore this email.
                """.formatted(
                        code, props.verificationCodeTtl().toMinutes()));
        return null;
    }

    /**
     * Confirms the code. A wrong guess is counted even though the request fails; after the last allowed
     * wrong guess the code is burned and a new one must be requested.
     */
    @Transactional(noRollbackFor = BadRequestException.class)
    public void confirm(UUID userId, String code) {
        User user = users.findById(userId).orElseThrow(() -> NotFoundException.of("User"));
        check(user, code);
    }

    /**
     * Confirms without being signed in (e.g. a PENDING account opened by private registration, which becomes
     * active). An unknown address, a wrong, expired or burned code all get the same 400, so the answer tells
     * nothing about which addresses have accounts; wrong guesses count against the account's code as above.
     *
     * <p>A pending account is activated only with the password of the sign-up being finished. Private sign-up
     * lets anyone re-register a pending address (the latest sign-up's password counts, so a stranger who signed
     * up first with someone else's address cannot keep the account); without this check, a stranger who
     * re-registers after the owner would have the owner's confirmation activate the stranger's password. A
     * wrong password counts as a wrong guess, like a wrong code.
     */
    @Transactional(noRollbackFor = BadRequestException.class)
    public void confirmByEmail(String email, String code, String password) {
        User user = users.findByEmailCanonical(EmailAddresses.canonical(email))
                .filter(u -> u.getStatus() != UserStatus.DISABLED)
                .orElseThrow(() -> new BadRequestException("invalid-verification-code", INVALID));
        check(user, code, password);
    }

    private void check(User user, String code) {
        check(user, code, null);
    }

    private void check(User user, String code, String password) {
        UUID userId = user.getId();
        Instant now = clock.instant();
        EmailVerificationCode stored = codes.findForUpdate(userId)
                .filter(c -> c.isUsableFor(user.getEmail(), now, props.verificationMaxAttempts()))
                .orElseThrow(() -> new BadRequestException("invalid-verification-code", INVALID));
        if (code == null
                || !codec.matches(userId, code, stored.getCodeHash())
                || (user.isPending() && (password == null || !passwords.matches(password, user.getPasswordHash())))) {
            // The row stays (burned once the limit is reached) so the resend interval still applies.
            stored.recordWrongGuess();
            throw new BadRequestException("invalid-verification-code", INVALID);
        }
        codes.delete(stored);
        user.confirmEmail(now);
        events.emailVerified(userId);
    }
}
