package com.clinicrecords.shared.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Search text as LIKE prefixes ({@code start%}) with their wildcards escaped with '!' (so "%" and "_" match
 * themselves): the lists that search match the start of a column, which is a range of its index, instead of a
 * match anywhere inside, which reads every row.
 */
public final class SearchWords {

    /** More words than a name, an email address or an insurance number need; each is a condition of a statement. */
    public static final int MAX_WORDS = 5;

    private SearchWords() {}

    /** One prefix per word (words split at white space); more than {@link #MAX_WORDS} words is a 400 on {@code q}. */
    public static List<String> prefixes(String text) {
        List<String> words = Arrays.asList(text.strip().split("\\s+"));
        if (words.size() > MAX_WORDS) {
            throw new InvalidFieldException("q", "must have at most " + MAX_WORDS + " words");
        }
        return words.stream().map(SearchWords::prefix).toList();
    }

    /** The whole text as one prefix. */
    public static String prefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
