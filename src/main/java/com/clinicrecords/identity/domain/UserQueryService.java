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
        // The id tie-breaker keeps pages stable when many accounts share a sort value.
        Pageable stable = PageRequest.of(
                request.getPageNumber(),
                request.getPageSize(),
                request.getSort().and(Sort.by("id")));
        return PageView.of(users.findAllByRole(role == null || role.isBlank() ? null : role, stable), UserView::of);
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return UserView.of(users.findWithRolesById(id).orElseThrow(() -> NotFoundException.of("User")));
    }
}
