package com.clinicrecords.shared.web;

import com.clinicrecords.shared.domain.InvalidFieldException;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Turns raw page/size/sort query parameters into a {@link Pageable}. Sizes above {@link #MAX_SIZE} are
 * rejected with 400 (not clamped), so a client never silently receives fewer rows than it asked for; sort
 * properties must be on an allow-list, so clients cannot sort by (and thereby probe) arbitrary columns.
 */
public final class PageRequests {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    private PageRequests() {}

    public static Pageable of(Integer page, Integer size, Sort defaultSort) {
        return of(page, size, null, Set.of(), defaultSort);
    }

    /** @param sort "property" or "property,asc|desc"; null means {@code defaultSort} */
    public static Pageable of(Integer page, Integer size, String sort, Set<String> sortable, Sort defaultSort) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new InvalidFieldException("page", "must be greater than or equal to 0");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
        return PageRequest.of(p, s, sort == null || sort.isBlank() ? defaultSort : parse(sort, sortable));
    }

    private static Sort parse(String sort, Set<String> sortable) {
        String[] parts = sort.split(",");
        String property = parts[0].trim();
        if (!sortable.contains(property) || parts.length > 2) {
            throw new InvalidFieldException(
                    "sort", "must be one of " + sortable + " optionally followed by ,asc or ,desc");
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length == 2) {
            direction = Sort.Direction.fromOptionalString(parts[1].trim())
                    .orElseThrow(() -> new InvalidFieldException("sort", "direction must be asc or desc"));
        }
        return Sort.by(direction, property);
    }
}
