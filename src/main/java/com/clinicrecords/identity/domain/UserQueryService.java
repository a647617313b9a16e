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
    private final PhoneNumbers phones;

    UserQueryService(UserRepository users, PhoneNumbers phones) {
        this.users = users;
        this.phones = phones;
    }

    /**
     * Search: optional role and status, and {@code q} matched (contains, case-insensitive) against email, first
     * and last name and phone; a phone in any spelling finds its E.164 form, digits alone match part of one.
     */
    @Transactional(readOnly = true)
    public PageView<UserView> search(
            String q, String role, UserStatus status, Integer page, Integer size, String sort) {
        if ((q == null || q.isBlank()) && status == null) {
            return list(role, page, size, sort);
        }
        String like = q == null || q.isBlank() ? null : "%" + escapeLike(q.trim()) + "%";
        String phoneLike = null;
        if (like != null) {
            // A whole number ("+49 228 ...", "0228 ...") is found in E.164; bare digits as part of one.
            String text = q.trim();
            String digits = text.replaceAll("[^0-9]", "");
            boolean wholeNumber = text.startsWith("+") || text.startsWith("0");
            phoneLike = (wholeNumber ? phones.tryNormalize(text) : java.util.Optional.<String>empty())
                    .map(e164 -> "%" + e164 + "%")
                    .orElse(digits.length() >= 3 ? "%" + digits + "%" : null);
        }
        return PageView.of(
                users.search(blankToNull(role), status, like, phoneLike, stable(page, size, sort)), UserView::of);
    }

    private static Pageable stable(Integer page, Integer size, String sort) {
        Pageable request =
                PageRequests.of(page, size, sort, SORTABLE, Sort.by("createdAt").descending());
        return PageRequest.of(
                request.getPageNumber(),
                request.getPageSize(),
                request.getSort().and(Sort.by("id")));
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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
