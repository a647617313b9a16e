package com.clinicrecords.shared.domain;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** A stable JSON shape for one page of results (Spring Data's PageImpl is not a wire contract). */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(
                page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }

    public static <E, T> PageView<T> of(Page<E> page, Function<E, T> mapper) {
        return of(page.map(mapper));
    }

    /**
     * A page of a list that can hold millions of rows: {@code totalElements} is exact on the last page and
     * otherwise counted by {@code cappedCount} only up to {@link CursorPageView#TOTAL_CAP} (see
     * {@link CursorPageView#total}); {@code more} says whether rows follow this page.
     */
    public static <T> PageView<T> capped(List<T> content, Pageable page, boolean more, LongSupplier cappedCount) {
        long total = CursorPageView.total(page.getOffset(), content.size(), more, cappedCount);
        int size = page.getPageSize();
        return new PageView<>(
                List.copyOf(content), page.getPageNumber(), size, total, (int) Math.ceil((double) total / size));
    }
}
