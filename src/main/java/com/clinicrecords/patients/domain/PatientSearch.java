package com.clinicrecords.patients.domain;

import com.clinicrecords.shared.domain.SearchWords;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A directory search text as query parameters. An ISO date (1990-05-01) is a date of birth. Anything else is
 * split into words, and every word must match the start of the first name, the last name or the insurance number
 * (case- and accent-insensitive by the columns' collation; words in any order, so "Anna Schmidt" and "schm ann"
 * both find Anna Schmidt). Starts rather than anywhere inside, like the string search of FHIR: each start is an
 * index range, where a match anywhere inside reads every record of the clinic. The words arrive as LIKE prefixes
 * with their wildcards escaped with '!', so "%" and "_" match themselves.
 *
 * @param prefixes one {@code word%} pattern per word; empty for a date or for everyone
 * @param dateOfBirth the date searched for, or null
 */
public record PatientSearch(List<String> prefixes, @Nullable LocalDate dateOfBirth) {

    public static final PatientSearch EVERYONE = new PatientSearch(List.of(), null);

    public PatientSearch {
        prefixes = List.copyOf(prefixes);
    }

    public static PatientSearch of(@Nullable String q) {
        if (q == null || q.isBlank()) {
            return EVERYONE;
        }
        String text = q.strip();
        try {
            return new PatientSearch(List.of(), LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            // not a date: words
        }
        return new PatientSearch(SearchWords.prefixes(text), null);
    }
}
