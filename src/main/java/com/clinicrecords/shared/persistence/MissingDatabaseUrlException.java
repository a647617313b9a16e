package com.clinicrecords.shared.persistence;

/** The {@code prod} profile was started without {@code DB_URL}: it never falls back to the embedded database. */
public class MissingDatabaseUrlException extends IllegalStateException {

    public MissingDatabaseUrlException() {
        super("DB_URL is empty: the prod profile never uses the embedded database");
    }
}
