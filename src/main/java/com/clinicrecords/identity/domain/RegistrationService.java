package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.RoleRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.notifications.domain.EmailOutbox;
import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-registration in the configured {@link SelfRegistration.Mode}. Every mode is throttled per client IP and
 * per address. {@code open}: an active PATIENT account at once (a taken address is a 409) and a first
 * verification code. {@code private}: always the same 202; the work behind it differs (new address: a PENDING
 * account and a code; address with an account: a notice to it), while the password is hashed on every path so
 * the timing stays alike. {@code off}: 403.
 */
@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    /** What {@code private} mode answers, whatever happened behind it. */
    public static final Accepted ACCEPTED = new Accepted(
            "ACCEPTED",
            "If this address can be used, we have sent an email to it. Enter the code from that email to finish"
                    + " signing up.");

    private final AccountService accounts;
    private final UserRepository users;
    private final RoleRepository roles;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final PhoneNumbers phones;
    private final EmailVerificationService verification;
    private final EmailOutbox outbox;
    private final SelfRegistration selfRegistration;
    private final RateLimiter perIp;
    private final RateLimiter perAddress;
    private final TransactionTemplate tx;
    private final Clock clock;

    RegistrationService(
            AccountService accounts,
            UserRepository users,
            RoleRepository roles,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            PhoneNumbers phones,
            EmailVerificationService verification,
            EmailOutbox outbox,
            SelfRegistration selfRegistration,
            RegistrationProperties props,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.roles = roles;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.phones = phones;
        this.verification = verification;
        this.outbox = outbox;
        this.selfRegistration = selfRegistration;
        this.perIp = new RateLimiter("sign-up", props.perIp());
        this.perAddress = new RateLimiter("sign-up", props.perAddress());
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The result: the new account ({@code open}) or the uniform acknowledgement ({@code private}). */
    public sealed interface Outcome permits Created, Accepted {}

    public record Created(UserView user) implements Outcome {}

    public record Accepted(String status, String detail) implements Outcome {}

    public Outcome register(RegisterCommand cmd, String passwordConfirm, String clientIp) {
        String email = EmailAddresses.normalize(cmd.email());
        perIp.acquire(clientIp == null ? "unknown" : clientIp);
        perAddress.acquire(email);
        SelfRegistration.Mode mode = selfRegistration.mode();
        if (mode == SelfRegistration.Mode.OFF) {
            throw new ForbiddenException(
                    "registration-closed", "Accounts are opened by the clinic; self-registration is off");
        }
        if (passwordConfirm != null && !passwordConfirm.equals(cmd.password())) {
            throw new InvalidFieldException("passwordConfirm", "must match password");
        }
        if (mode == SelfRegistration.Mode.OPEN) {
            return tx.execute(status -> {
                UserView user = accounts.register(cmd);
                verification.sendRegistrationCode(
                        users.findById(user.id()).orElseThrow(() -> NotFoundException.of("User")));
                return new Created(user);
            });
        }
        // Checks that do not depend on who has an account come first, so they answer alike for everyone.
        passwordPolicy.check(cmd.password(), email);
        String phone = phones.normalize(cmd.phone(), "phone");
        String hash = passwordEncoder.encode(cmd.password());
        try {
            tx.executeWithoutResult(status -> registerPrivately(cmd, email, phone, hash));
        } catch (DataIntegrityViolationException e) {
            // A concurrent sign-up took the address (or number) first; that one sent the email.
            log.info("Concurrent private sign-up for one address; answered alike");
        }
        return ACCEPTED;
    }

    private void registerPrivately(RegisterCommand cmd, String email, String phone, String hash) {
        Instant now = clock.instant();
        Optional<User> existing = users.findByEmailCanonical(EmailAddresses.canonical(email));
        if (existing.isPresent() && existing.get().isPending()) {
            // Not confirmed yet: the latest sign-up's password and names count, and a fresh code is sent
            // (unless one went out within the resend interval, in which case nothing changes).
            User user = existing.get();
            if (verification.sendRegistrationCode(user)) {
                user.replacePendingRegistration(
                        cmd.firstName().trim(), cmd.lastName().trim(), hash, now);
            }
            return;
        }
        if (existing.isPresent()) {
            outbox.enqueue(email, "Your Clinic Records account", """
                    Someone asked to open a Clinic Records account with this email address. You already have an
                    account: sign in with this address, or use "forgot password" if you do not remember it.

                    If this was not you, you can ignore this email.
                    """);
            return;
        }
        // A number that already has an account is left off; it can be added in the profile later.
        String ownPhone = phone != null && users.existsByPhone(phone) ? null : phone;
        User user = User.pending(email, cmd.firstName().trim(), cmd.lastName().trim(), ownPhone, hash, now);
        roles.findByNameIn(List.of(Roles.PATIENT)).forEach(user::addRole);
        users.saveAndFlush(user);
        verification.sendRegistrationCode(user);
    }

    @Scheduled(fixedDelayString = "PT5M")
    void cleanupThrottle() {
        perIp.cleanup();
        perAddress.cleanup();
    }
}
