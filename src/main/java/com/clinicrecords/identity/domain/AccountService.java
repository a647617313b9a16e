package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.RoleRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts and reading/updating one's own profile. */
@Service
public class AccountService {

    private final UserRepository users;
    private final RoleRepository roles;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final PhoneNumbers phones;
    private final RateLimiter phoneConflicts;
    private final Clock clock;

    public AccountService(
            UserRepository users,
            RoleRepository roles,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            PhoneNumbers phones,
            RegistrationProperties throttles,
            Clock clock) {
        this.users = users;
        this.roles = roles;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.phones = phones;
        // Each conflict tells the caller that a number has an account: a few per account, then 429.
        this.phoneConflicts = new RateLimiter("phone number", throttles.phoneConflictsPerAccount());
        this.clock = clock;
    }

    /** Self-registration always yields a PATIENT account; other roles are granted by an admin. */
    @Transactional
    public UserView register(RegisterCommand cmd) {
        return UserView.of(create(cmd, java.util.List.of(Roles.PATIENT)));
    }

    /** Creates an account with the given built-in or custom roles (admin use and first-admin bootstrap). */
    @Transactional
    public User create(RegisterCommand cmd, Collection<String> roleNames) {
        String email = EmailAddresses.normalize(cmd.email());
        passwordPolicy.check(cmd.password(), email);
        if (users.existsByEmail(email) || users.existsByEmailCanonical(EmailAddresses.canonical(email))) {
            throw new ConflictException("email-taken", "An account with this email already exists");
        }
        String phone = phones.normalize(cmd.phone(), "phone");
        if (phone != null && users.existsByPhone(phone)) {
            throw new ConflictException("phone-taken", "An account with this phone number already exists");
        }
        Instant now = clock.instant();
        User user = new User(
                email,
                cmd.firstName().trim(),
                cmd.lastName().trim(),
                phone,
                passwordEncoder.encode(cmd.password()),
                now);
        var found = roles.findByNameIn(roleNames);
        if (found.size() != new HashSet<>(roleNames).size()) {
            throw new NotFoundException("Role");
        }
        found.forEach(user::addRole);
        return users.saveAndFlush(user);
    }

    @Transactional(readOnly = true)
    public UserView get(UUID userId) {
        return UserView.of(users.findWithRolesById(userId).orElseThrow(() -> NotFoundException.of("User")));
    }

    /** Only name and phone can be changed here; roles, status and email have their own guarded paths. */
    @Transactional
    public UserView updateProfile(UUID userId, String firstName, String lastName, String phone) {
        User user = users.findWithRolesById(userId).orElseThrow(() -> NotFoundException.of("User"));
        String newPhone = phones.normalize(phone, "phone");
        if (newPhone != null && !newPhone.equals(user.getPhone())) {
            String key = userId.toString();
            phoneConflicts.check(key);
            if (users.existsByPhone(newPhone)) {
                phoneConflicts.record(key);
                throw new ConflictException("phone-taken", "An account with this phone number already exists");
            }
        }
        user.updateProfile(firstName.trim(), lastName.trim(), newPhone, clock.instant());
        return UserView.of(users.saveAndFlush(user));
    }

    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT5M")
    void cleanupThrottle() {
        phoneConflicts.cleanup();
    }
}
