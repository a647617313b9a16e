package com.clinicrecords.shared.domain;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list that pages both ways: by {@code page} number for shallow pages (then {@code page},
 * {@code totalElements} and {@code totalPages} are set, the total capped where the list says so), or by the
 * opaque {@code cursor} of the previous page's {@code nextCursor} (then only {@code content}, {@code size} and
 * {@code nextCursor}: no count is run). {@code nextCursor} is absent on the last page.
 */
public record CursorPageView<T>(
        List<T> content,
        @Nullable Integer page,
        int size,
        @Nullable Long totalElements,
        @Nullable Integer totalPages,
        @Nullable String nextCursor) {

    /**
     * Lists that can hold millions of rows count their total only up to this many: a {@code totalElements} of
     * exactly this means "at least that many".
     */
    public static final int TOTAL_CAP = 1_000;

    /**
     * The {@code totalElements} of a page asked for by number that showed {@code shown} rows from {@code offset}:
     * exact on the last page; otherwise the capped count, but never less than what this page proves (the rows so
     * far plus one), and past the cap no count is run at all.
     */
    public static long total(long offset, int shown, boolean more, LongSupplier cappedCount) {
        long seen = offset + shown;
        if (!more) {
            return seen;
        }
        return seen + 1 >= TOTAL_CAP ? seen + 1 : Math.max(cappedCount.getAsLong(), seen + 1);
    }

    /** A page asked for by number. */
    public static <T> CursorPageView<T> numbered(
            List<T> content, int page, int size, long totalElements, @Nullable String nextCursor) {
        int totalPages = size == 0 ? 1 : (int) Math.ceil((double) totalElements / size);
        return new CursorPageView<>(List.copyOf(content), page, size, totalElements, totalPages, nextCursor);
    }

    /** A page asked for by cursor: no totals. */
    public static <T> CursorPageView<T> after(List<T> content, int size, @Nullable String nextCursor) {
        return new CursorPageView<>(List.copyOf(content), null, size, null, null, nextCursor);
    }

    public <R> CursorPageView<R> map(Function<T, R> mapper) {
        return new CursorPageView<>(
                content.stream().map(mapper).toList(), page, size, totalElements, totalPages, nextCursor);
    }
}
