package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.web.PageRequests;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admin reads of accounts: paged, filterable by role, sortable by a fixed set of fields. */
@Service
public class UserQueryService {

    // Only these are sortable: a client-chosen property name never reaches the query unchecked.
    private static final Set<String> SORTABLE = Set.of("email", "createdAt", "lastName", "firstName");

    private final UserRepository users;

    UserQueryService(UserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public PageView<UserView> list(String role, Integer page, Integer size, String sort) {
        Pageable request =
                PageRequests.of(page, size, sort, SORTABLE, Sort.by("createdAt").descending());
        // The id tie-breaker keeps pages stable when many accounts share a sort value; it runs in the direction
        // of the sort, so that one index (InnoDB appends the id) serves both. Email is unique: no tie-breaker.
        Sort.Direction direction = request.getSort().stream()
                .findFirst()
                .map(Sort.Order::getDirection)
                .orElse(Sort.Direction.ASC);
        Pageable stable = request.getSort().getOrderFor("email") != null
                ? request
                : PageRequest.of(
                        request.getPageNumber(),
                        request.getPageSize(),
                        request.getSort().and(Sort.by(direction, "id")));
        // Without a role filter a plain query, so the sort can walk an index (an "or :role is null" would not).
        return PageView.of(
                role == null || role.isBlank() ? users.findAll(stable) : users.findAllByRole(role, stable),
                UserView::of);
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return UserView.of(users.findWithRolesById(id).orElseThrow(() -> NotFoundException.of("User")));
    }
}
