package com.clinicrecords.patients.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A directory search text as query parameters: a LIKE "contains" pattern (wildcards in the text escaped with
 * '!', so "%" and "_" match themselves) and, when the text is an ISO date (1990-05-01), that date of birth.
 */
public record PatientSearch(String like, LocalDate dateOfBirth) {

    public static final PatientSearch EVERYONE = new PatientSearch(null, null);

    public static PatientSearch of(String q) {
        if (q == null || q.isBlank()) {
            return EVERYONE;
        }
        String text = q.trim();
        LocalDate date = null;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            // not a date: name or insurance number only
        }
        return new PatientSearch("%" + escapeLike(text) + "%", date);
    }

    public static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
