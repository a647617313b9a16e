package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.UserRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Resolves what a user typed to sign in: an email address (anything with an {@code @}) or a phone number in
 * any common spelling, compared in E.164. Text that is neither finds no account.
 */
@Component
public class LoginAccounts {

    private final UserRepository users;
    private final PhoneNumbers phones;

    LoginAccounts(UserRepository users, PhoneNumbers phones) {
        this.users = users;
        this.phones = phones;
    }

    public Optional<User> find(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        if (isEmail(login)) {
            return users.findByEmailCanonical(EmailAddresses.canonical(login));
        }
        return phones.tryNormalize(login).flatMap(users::findByPhone);
    }

    /**
     * The form sign-in attempts are counted under: the canonical email (NFKC + case fold), or the phone number in
     * E.164, so that other spellings of the same login share one counter.
     */
    public String canonical(String login) {
        if (login == null || login.isBlank()) {
            return null;
        }
        if (isEmail(login)) {
            return EmailAddresses.canonical(login);
        }
        return phones.tryNormalize(login).orElse(login.strip());
    }

    /** An {@code @} in any spelling (NFKC folds the full-width one) makes the login an email address. */
    private static boolean isEmail(String login) {
        String canonical = EmailAddresses.canonical(login);
        return canonical != null && canonical.contains("@");
    }
}
