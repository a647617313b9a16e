package com.clinicrecords.identity.domain;

import java.util.Locale;

/** One spelling per mailbox: trimmed and lower-cased, so "Ann@X.org " and "ann@x.org" are the same user. */
public final class EmailAddresses {

    private EmailAddresses() {}

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
