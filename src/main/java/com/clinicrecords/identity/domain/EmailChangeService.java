package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.EmailChangeRequestRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.notifications.domain.EmailOutbox;
import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing one's email address: the current password, then a 6-digit code mailed to the new address (same
 * lifetime, resend interval and guess limit as verification codes). The old address is told once the change is
 * made. Whether the new address already belongs to someone is not revealed to the requester: that address is
 * told instead, and no code is sent.
 */
@Service
public class EmailChangeService {

    private static final String INVALID = "The code is invalid or has expired";

    private final UserRepository users;
    private final EmailChangeRequestRepository requests;
    private final VerificationCodes codec;
    private final PasswordEncoder passwordEncoder;
    private final EmailOutbox outbox;
    private final AccountSecurityProperties props;
    private final SecurityEvents events;
    private final RateLimiter wrongPasswords;
    private final Clock clock;

    EmailChangeService(
            UserRepository users,
            EmailChangeRequestRepository requests,
            VerificationCodes codec,
            PasswordEncoder passwordEncoder,
            EmailOutbox outbox,
            AccountSecurityProperties props,
            SecurityEvents events,
            RegistrationProperties throttles,
            Clock clock) {
        this.users = users;
        this.requests = requests;
        this.codec = codec;
        this.passwordEncoder = passwordEncoder;
        this.outbox = outbox;
        this.props = props;
        this.events = events;
        this.wrongPasswords = new RateLimiter("email change", throttles.emailChangePerAccount());
        this.clock = clock;
    }

    @Transactional
    public void request(UUID userId, String newEmail, String currentPassword) {
        User user = users.findById(userId).orElseThrow(() -> NotFoundException.of("User"));
        String key = userId.toString();
        wrongPasswords.check(key);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            wrongPasswords.record(key);
            throw new ForbiddenException("wrong-password", "The current password is incorrect");
        }
        String target = EmailAddresses.normalize(newEmail);
        if (target.equals(user.getEmail())) {
            throw new InvalidFieldException("newEmail", "is already your email address");
        }
        Instant now = clock.instant();
        requests.findForUpdate(userId).ifPresent(previous -> {
            Instant allowedAt = previous.getCreatedAt().plus(props.verificationResendInterval());
            if (now.isBefore(allowedAt)) {
                throw new TooManyRequestsException(
                        "A code was sent recently; wait before asking again", Duration.between(now, allowedAt));
            }
            requests.delete(previous);
            requests.flush();
        });
        if (users.existsByEmailCanonical(EmailAddresses.canonical(target))) {
            // The requester learns nothing; the owner of the address is told someone tried.
            outbox.enqueue(target, "Your Clinic Records address", """
                    Someone asked to move another Clinic Records account to this email address. This address
                    already belongs to an account, so nothing was changed. You do not need to do anything.
                    """);
            return;
        }
        String code = codec.generate();
        requests.save(new EmailChangeRequest(
                userId, target, codec.hash(purpose(userId), code), now, now.plus(props.verificationCodeTtl())));
        outbox.enqueueSecret(target, "Confirm your new Clinic Records email address", """
                Your confirmation code: %s

                Enter it to make this your sign-in address. It expires in %d minutes. If you did not ask for
                this, you can ignore this email.
                """.formatted(
                        code, props.verificationCodeTtl().toMinutes()));
    }

    /** Applies the change with the right code; wrong guesses count and burn the code like verification codes. */
    @Transactional(noRollbackFor = BadRequestException.class)
    public UserView confirm(UUID userId, String code) {
        User user = users.findWithRolesById(userId).orElseThrow(() -> NotFoundException.of("User"));
        Instant now = clock.instant();
        EmailChangeRequest pending = requests.findForUpdate(userId)
                .filter(r -> r.isUsable(now, props.verificationMaxAttempts()))
                .orElseThrow(() -> new BadRequestException("invalid-verification-code", INVALID));
        if (code == null || !codec.matches(purpose(userId), code, pending.getCodeHash())) {
            pending.recordWrongGuess();
            throw new BadRequestException("invalid-verification-code", INVALID);
        }
        String oldEmail = user.getEmail();
        String newEmail = pending.getNewEmail();
        requests.delete(pending);
        if (users.existsByEmailCanonical(EmailAddresses.canonical(newEmail))) {
            // Taken since the code was sent; the caller proved they control the address, so saying so is fine.
            throw new ConflictException("email-taken", "An account with this email already exists");
        }
        user.changeVerifiedEmail(newEmail, now);
        users.saveAndFlush(user);
        outbox.enqueue(oldEmail, "Your Clinic Records email address was changed", """
                The sign-in address of your Clinic Records account was changed to %s.

                If you did not do this, reset your password and contact the clinic.
                """.formatted(mask(newEmail)));
        events.emailChanged(userId);
        return UserView.of(user);
    }

    @Scheduled(fixedDelayString = "PT5M")
    void cleanupThrottle() {
        wrongPasswords.cleanup();
    }

    private static String purpose(UUID userId) {
        return "email-change:" + userId;
    }

    /** "an***@example.org": enough for the owner to recognise, not a full address in someone's old inbox. */
    static String mask(String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        return local.substring(0, Math.min(2, local.length())) + "***" + email.substring(at);
    }
}
