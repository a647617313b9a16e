package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.NotFoundException;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admin reads of accounts: paged, filterable by role, sortable by a fixed set of fields. */
@Service
public class UserQueryService {

    public static final int MAX_PAGE_SIZE = 100;
    // Only these are sortable: a client-chosen property name never reaches the query unchecked.
    private static final Map<String, String> SORTABLE = Map.of("email", "email", "createdAt", "createdAt",
            "lastName", "lastName", "firstName", "firstName");

    private final UserRepository users;

    UserQueryService(UserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public PageView<UserView> list(String role, int page, int size, String sort) {
        PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE),
                sort(sort));
        Page<User> result = users.findAllByRole(role == null || role.isBlank() ? null : role, request);
        return new PageView<>(result.map(UserView::of).getContent(), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return UserView.of(users.findWithRolesById(id).orElseThrow(() -> NotFoundException.of("User")));
    }

    /** "email", "lastName,desc"... anything else is a 400. */
    private static Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by("createdAt").descending().and(Sort.by("id"));
        }
        String[] parts = sort.split(",", 2);
        String property = SORTABLE.get(parts[0].trim());
        boolean desc = parts.length == 2 && "desc".equalsIgnoreCase(parts[1].trim());
        boolean asc = parts.length == 1 || "asc".equalsIgnoreCase(parts[1].trim());
        if (property == null || !(asc || desc)) {
            throw new BadRequestException("invalid-sort", "sort must be one of " + SORTABLE.keySet()
                    + " optionally followed by ,asc or ,desc");
        }
        Sort base = Sort.by(property);
        return (desc ? base.descending() : base.ascending()).and(Sort.by("id"));
    }
}
