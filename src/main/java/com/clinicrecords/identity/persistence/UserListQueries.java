package com.clinicrecords.identity.persistence;

import static com.clinicrecords.shared.persistence.JdbcValues.instant;
import static com.clinicrecords.shared.persistence.JdbcValues.utc;

import com.clinicrecords.identity.domain.UserStatus;
import com.clinicrecords.identity.domain.UserView;
import com.clinicrecords.shared.domain.CursorPageView;
import com.clinicrecords.shared.persistence.CappedTotals;
import com.clinicrecords.shared.persistence.WordStarts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The admin user list at scale, in plain SQL without a transaction: the page (one statement), the roles of its
 * accounts (one statement), and only for a full page asked for by number a total counted up to
 * {@link #TOTAL_CAP}. Deep pages are read by keyset: {@code (col > ? or (col = ? and id > ?))} (reversed for a
 * descending sort) on the sorted column's index, instead of skipping rows.
 */
@Repository
public class UserListQueries {

    public static final int TOTAL_CAP = CursorPageView.TOTAL_CAP;

    private static final Map<String, String> COLUMNS = Map.of(
            "email", "u.email", "createdAt", "u.created_at", "lastName", "u.last_name", "firstName", "u.first_name");

    private final JdbcTemplate jdbc;
    private final CappedTotals totals;

    public UserListQueries(JdbcTemplate jdbc, CappedTotals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    /**
     * Which accounts: an optional role and status; every one of {@code prefixes} (LIKE patterns {@code start%},
     * wildcards escaped with '!') matching the start of the email, the first or the last name; or, with
     * {@code phonePrefix}, the one prefix matching the email or {@code phonePrefix} the phone. Each is a range of
     * a column's index.
     */
    public record Criteria(
            @Nullable String role,
            @Nullable UserStatus status,
            List<String> prefixes,
            @Nullable String phonePrefix) {

        public Criteria {
            prefixes = List.copyOf(prefixes);
        }
    }

    /**
     * The order: a sortable property, its direction, and optionally the position (sort value and id of the last
     * row of the previous page) to continue after. Email is unique, so it sorts and seeks without the id.
     */
    public record Order(
            String property,
            boolean ascending,
            @Nullable Object afterValue,
            @Nullable String afterId) {}

    /** Up to {@code size} accounts and whether more follow. */
    public record Rows(List<UserView> content, boolean more) {}

    public Rows page(Criteria criteria, Order order, long offset, int size) {
        List<Object> args = new ArrayList<>();
        String column = COLUMNS.get(order.property());
        // A deferred join: the offset is walked over the id and the sort column only (the column's index, which
        // ends in the id: a covering index scan), then only the page's rows are read. For a deep OFFSET of the
        // whole row MySQL otherwise scans and sorts the table.
        StringBuilder sql = new StringBuilder("select u.id, " + column + " from users u where 1 = 1");
        where(sql, criteria, args);
        boolean unique = "email".equals(order.property());
        String direction = order.ascending() ? " asc" : " desc";
        if (order.afterValue() != null) {
            // created_at holds UTC wall-clock time
            Object after = order.afterValue() instanceof Instant instant ? utc(instant) : order.afterValue();
            if (unique) {
                sql.append(" and ").append(column).append(order.ascending() ? " > ?" : " < ?");
                args.add(after);
            } else {
                // two ranges of the column's index (InnoDB appends the id): one seek to (value, id), then index order
                String beyond = order.ascending() ? " > ?" : " < ?";
                sql.append(" and (")
                        .append(column)
                        .append(beyond)
                        .append(" or (")
                        .append(column)
                        .append(" = ? and u.id")
                        .append(beyond)
                        .append("))");
                args.add(after);
                args.add(after);
                args.add(order.afterId());
            }
        }
        String sortBy = column + direction;
        if (!unique) {
            // the id breaks ties in the sort's direction, so the column's index (InnoDB appends the id) serves both
            sortBy += ", u.id" + direction;
        }
        sql.append(" order by ").append(sortBy).append(" limit ? offset ?");
        args.add(size + 1);
        args.add(offset);
        String page = "select u.id, u.email, u.first_name, u.last_name, u.phone, u.status, u.email_verified, "
                + "u.password_change_required, u.created_at, u.version from (" + sql
                + ") v join users u on u.id = v.id "
                + "order by " + sortBy.replace("u.", "v.");
        List<UserView> rows = jdbc.query(page, UserListQueries::map, args.toArray());
        boolean more = rows.size() > size;
        List<UserView> content = more ? rows.subList(0, size) : rows;
        return new Rows(withRoles(content), more);
    }

    /** The number of matching accounts, counted up to {@link #TOTAL_CAP}. */
    public long count(Criteria criteria) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select u.id from users u where 1 = 1");
        where(sql, criteria, args);
        return totals.of(sql, args);
    }

    private static void where(StringBuilder sql, Criteria criteria, List<Object> args) {
        if (criteria.role() != null) {
            sql.append(" and exists (select 1 from user_roles ur join roles r on r.id = ur.role_id "
                    + "where ur.user_id = u.id and r.name = ?)");
            args.add(criteria.role());
        }
        if (criteria.status() != null) {
            sql.append(" and u.status = ?");
            args.add(criteria.status().name());
        }
        if (criteria.phonePrefix() != null) {
            sql.append(" and (u.phone like ? escape '!' or u.email like ? escape '!')");
            args.add(criteria.phonePrefix());
            args.add(criteria.prefixes().get(0));
            return;
        }
        // case-insensitive by the columns' collation, like the search always was
        WordStarts.everyWordStartsOneOf(sql, args, criteria.prefixes(), "u.email", "u.first_name", "u.last_name");
    }

    /** The roles of a page's accounts in one statement. */
    private List<UserView> withRoles(List<UserView> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<String>> roles = new HashMap<>();
        String marks = String.join(", ", Collections.nCopies(users.size(), "?"));
        jdbc.query(
                "select ur.user_id, r.name from user_roles ur join roles r on r.id = ur.role_id where ur.user_id in ("
                        + marks + ")",
                rs -> {
                    roles.computeIfAbsent(UUID.fromString(rs.getString(1)), id -> new HashSet<>())
                            .add(rs.getString(2));
                },
                users.stream().map(u -> u.id().toString()).toArray());
        return users.stream()
                .map(u -> new UserView(
                        u.id(),
                        u.email(),
                        u.firstName(),
                        u.lastName(),
                        u.phone(),
                        u.status(),
                        u.emailVerified(),
                        u.passwordChangeRequired(),
                        Set.copyOf(roles.getOrDefault(u.id(), Set.of())),
                        u.createdAt(),
                        u.version()))
                .toList();
    }

    private static UserView map(ResultSet rs, int row) throws SQLException {
        return new UserView(
                UUID.fromString(rs.getString("id")),
                rs.getString("email"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("phone"),
                UserStatus.valueOf(rs.getString("status")),
                rs.getBoolean("email_verified"),
                rs.getBoolean("password_change_required"),
                Set.of(),
                instant(rs, "created_at"),
                rs.getLong("version"));
    }
}
