package com.clinicrecords.identity.domain;

import com.ibm.icu.text.Normalizer2;
import java.util.Locale;

/**
 * Two forms of an address. {@link #normalize} (trimmed, lower-cased) is what is stored and shown.
 * {@link #canonical} (Unicode NFKC_Casefold, UTS #46 style) is the lookup key of sign-in, its throttle and
 * password reset, stored in the binary-collated {@code users.email_canonical}: full-width "ａdmin" and
 * "admin" are one key, while "vïctim" and "victim" are two (the database's accent-insensitive collation is
 * never asked to decide which account an address means).
 */
public final class EmailAddresses {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private EmailAddresses() {}

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static String canonical(String email) {
        return email == null ? null : NFKC_CASEFOLD.normalize(email.strip()).strip();
    }
}
