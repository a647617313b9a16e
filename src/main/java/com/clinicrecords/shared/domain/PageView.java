package com.clinicrecords.shared.domain;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A stable JSON shape for one page of results (Spring Data's PageImpl is not a wire contract). */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(
                page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }

    public static <E, T> PageView<T> of(Page<E> page, Function<E, T> mapper) {
        return of(page.map(mapper));
    }
}
