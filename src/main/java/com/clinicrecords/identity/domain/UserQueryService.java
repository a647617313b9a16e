package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.UserListQueries;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.shared.domain.CursorPageView;
import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PageCursor;
import com.clinicrecords.shared.domain.SearchWords;
import com.clinicrecords.shared.web.PageRequests;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
    private final UserListQueries lists;
    private final PhoneNumbers phones;

    UserQueryService(UserRepository users, UserListQueries lists, PhoneNumbers phones) {
        this.users = users;
        this.lists = lists;
        this.phones = phones;
    }

    /**
     * Search: optional role and status, and {@code q}: up to {@value SearchWords#MAX_WORDS} words, each
     * matching the start of the email, the first or the last name (case-insensitive, any order), or the start of
     * a phone number in any spelling (matching the start of the E.164 form, or of the email). Starts, not anywhere
     * inside: each is a range of an index, where "contains" read every account (0.25 s for 100,000 at one client,
     * 2.3 s at 16).
     * By page number (total capped at {@link UserListQueries#TOTAL_CAP}) or, with the {@code cursor} of a
     * previous page, by keyset (no totals). No transaction: the page, its roles and the count are each
     * consistent by themselves, and nothing is written.
     */
    public CursorPageView<UserView> search(
            @Nullable String q,
            @Nullable String role,
            @Nullable UserStatus status,
            @Nullable Integer page,
            @Nullable Integer size,
            @Nullable String sort,
            @Nullable String cursor) {
        Pageable request =
                PageRequests.of(page, size, sort, SORTABLE, Sort.by("createdAt").descending());
        Sort.Order order = request.getSort().iterator().next();
        String sortLabel =
                order.getProperty() + "," + order.getDirection().name().toLowerCase(Locale.ROOT);
        Object afterValue = null;
        String afterId = null;
        if (cursor != null) {
            if (request.getPageNumber() > 0) {
                throw new InvalidFieldException("page", "must not be combined with cursor");
            }
            PageCursor position = PageCursor.decode(cursor, sortLabel, 2);
            try {
                afterId = UUID.fromString(position.keys().get(1)).toString();
                afterValue = "createdAt".equals(order.getProperty())
                        ? Instant.parse(position.keys().get(0))
                        : position.keys().get(0);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw PageCursor.invalid("is not a cursor of this list");
            }
        }
        UserListQueries.Criteria criteria = criteria(q, role, status);
        UserListQueries.Rows rows = lists.page(
                criteria,
                new UserListQueries.Order(order.getProperty(), order.isAscending(), afterValue, afterId),
                cursor == null ? request.getOffset() : 0,
                request.getPageSize());
        String next = null;
        if (rows.more()) {
            UserView last = rows.content().get(rows.content().size() - 1);
            String value = switch (order.getProperty()) {
                case "email" -> last.email();
                case "lastName" -> last.lastName();
                case "firstName" -> last.firstName();
                default -> last.createdAt().toString();
            };
            next = PageCursor.encode(sortLabel, value, last.id().toString());
        }
        if (cursor != null) {
            return CursorPageView.after(rows.content(), request.getPageSize(), next);
        }
        long total = CursorPageView.total(
                request.getOffset(), rows.content().size(), rows.more(), () -> lists.count(criteria));
        return CursorPageView.numbered(rows.content(), request.getPageNumber(), request.getPageSize(), total, next);
    }

    private UserListQueries.Criteria criteria(@Nullable String q, @Nullable String role, @Nullable UserStatus status) {
        if (q == null || q.isBlank()) {
            return new UserListQueries.Criteria(blankToNull(role), status, List.of(), null);
        }
        String text = q.strip();
        // A number in any spelling ("+49 228 84", "0228 84") finds the accounts whose E.164 number starts so.
        String phoneStart = phones.e164Start(text).orElse(null);
        if (phoneStart != null) {
            return new UserListQueries.Criteria(
                    blankToNull(role), status, List.of(SearchWords.prefix(text)), SearchWords.prefix(phoneStart));
        }
        return new UserListQueries.Criteria(blankToNull(role), status, SearchWords.prefixes(text), null);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return UserView.of(users.findWithRolesById(id).orElseThrow(() -> NotFoundException.of("User")));
    }
}
