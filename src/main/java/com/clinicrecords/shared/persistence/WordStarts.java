package com.clinicrecords.shared.persistence;

import com.clinicrecords.shared.domain.SearchWords;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of a word-start search: for every prefix from {@link SearchWords} (escaped with '!'), one condition that
 * the word starts one of the columns. Each {@code column like 'word%'} is a range of the column's index.
 */
public final class WordStarts {

    private WordStarts() {}

    /** Appends {@code and (c1 like ? escape '!' or c2 like ? escape '!' ...)} per prefix, and binds the prefix. */
    public static void everyWordStartsOneOf(
            StringBuilder sql, List<Object> args, List<String> prefixes, String... columns) {
        String anyColumn = Arrays.stream(columns)
                .map(c -> c + " like ? escape '!'")
                .collect(Collectors.joining(" or ", " and (", ")"));
        for (String prefix : prefixes) {
            sql.append(anyColumn);
            args.addAll(Collections.nCopies(columns.length, prefix));
        }
    }
}
