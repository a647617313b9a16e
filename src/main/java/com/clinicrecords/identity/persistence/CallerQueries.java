package com.clinicrecords.identity.persistence;

import static com.clinicrecords.shared.persistence.JdbcValues.instant;

import com.clinicrecords.shared.security.CallerReadAlong;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Resolves the caller of an authenticated request, as a rule in one round trip. The session and its account are
 * read on every request and never cached: logout, password change and disabling take effect on the very next
 * request on every instance. An account's roles, and what they permit, are kept in memory per (account, account
 * version): every change of an account's roles raises the account's version (JPA {@code @Version}: Hibernate
 * increments it when the owned role collection changes), and so does every change of what a role permits, for
 * each account holding it ({@link RoleRepository#touchHolders}). So the statement of a known account is the
 * session joined with its account by primary keys, and the account's version read with it says whether the roles
 * in memory are still current, on this instance as on any other. An account not in memory is read with its roles
 * and their versions in one statement (one row per role); one whose version moved, in a second statement after
 * the first. What a role permits is kept per (role, version) and read again, in one more statement, when a newer
 * version shows up. Measured alone (MariaDB, 16 connections), the statement with the roles' two joins cost the
 * database 118 µs of CPU, the session and account alone 67. The statement of a known account can also carry a
 * read of the request's own ({@link CallerReadAlong}): one round trip for both. Plain SQL rather than JPA
 * because the entity graph (user, roles, permissions) needs several selects, and the rows are never loaded to
 * be changed.
 */
@Repository
public class CallerQueries {

    /** The session's and its account's columns, read by position (1 to 8) in {@link #session}. */
    private static final String SESSION_COLUMNS = "select s.user_id, s.last_used_at, s.absolute_expires_at, "
            + "s.revoked_at, u.email, u.status, u.password_change_required, u.version as account_version";

    private static final String FROM_SESSION = " from auth_sessions s join users u on u.id = s.user_id";

    /** The session and its account, for an account whose roles are in memory (public for the load benchmark). */
    public static final String SESSION_AND_ACCOUNT = SESSION_COLUMNS + FROM_SESSION + " where s.id = ?";

    /** The same with the account's roles and their versions (columns 9 to 11), one row per role. */
    public static final String CALLER = SESSION_COLUMNS + ", r.id, r.name, r.version" + FROM_SESSION
            + " left join user_roles ur on ur.user_id = u.id left join roles r on r.id = ur.role_id where s.id = ?";

    /** Where the columns of a read along start: after the session's and the account's eight. */
    private static final int READ_ALONG_FIRST_COLUMN = 9;

    /** The session and its account with a read along ({@link CallerReadAlong}), per shape of read. */
    private static final Map<CallerReadAlong.Shape, String> WITH_READ_ALONG = new ConcurrentHashMap<>();

    /** Bounded: accounts beyond it are read with their roles, as on their first request. */
    static final int ACCOUNTS_IN_MEMORY = 10_000;

    private final JdbcTemplate jdbc;
    /** Account id -> its roles and their permissions as of one account version. */
    private final Cache<UUID, AccountRoles> accountRoles =
            Caffeine.newBuilder().maximumSize(ACCOUNTS_IN_MEMORY).build();
    /** Role id -> its permissions at one version; as many entries as there are roles (a few dozen at most). */
    private final Map<String, RolePermissions> permissions = new ConcurrentHashMap<>();

    public CallerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The session with its account, roles and permissions; empty when there is no such session.
     *
     * @param userId the account the caller's token names: when its roles are in memory, one statement by primary
     *     keys is enough (a session of another account is read in full, and then refused by the caller)
     */
    public Optional<CallerRow> find(UUID sessionId, UUID userId) {
        return find(sessionId, userId, null);
    }

    /**
     * The same, with a read along in the statement of a known account (its value in {@link CallerRow#readAlong});
     * an account read with its roles reads nothing along (the value is then null).
     */
    public Optional<CallerRow> find(UUID sessionId, UUID userId, CallerReadAlong.Read read) {
        AccountRoles known = accountRoles.getIfPresent(userId);
        if (known != null) {
            Optional<CallerRow> session = read == null ? sessionAndAccount(sessionId) : withReadAlong(sessionId, read);
            if (session.isEmpty()) {
                return Optional.empty();
            }
            if (session.get().userId().equals(userId) && session.get().accountVersion() == known.accountVersion()) {
                return Optional.of(session.get().withRoles(known.roles(), known.permissions()));
            }
        }
        return findWithRoles(sessionId);
    }

    private Optional<CallerRow> sessionAndAccount(UUID sessionId) {
        return jdbc.query(SESSION_AND_ACCOUNT, (rs, rowNum) -> session(rs, null), sessionId.toString()).stream()
                .findFirst();
    }

    private Optional<CallerRow> withReadAlong(UUID sessionId, CallerReadAlong.Read read) {
        Object[] params = new Object[read.params().size() + 1];
        read.params().toArray(params);
        params[params.length - 1] = sessionId.toString();
        return jdbc
                .query(
                        withReadAlong(read.shape()),
                        (rs, rowNum) -> session(rs, read.reader().read(rs, READ_ALONG_FIRST_COLUMN)),
                        params)
                .stream()
                .findFirst();
    }

    /**
     * The statement of a known account with this shape of read along: its columns after the session's and the
     * account's, its joins before the session's key (public for the load benchmark).
     */
    public static String withReadAlong(CallerReadAlong.Shape shape) {
        return WITH_READ_ALONG.computeIfAbsent(
                shape,
                sh -> SESSION_COLUMNS + ", " + sh.columns() + FROM_SESSION + " " + sh.joins() + " where s.id = ?");
    }

    /** Session, account and roles in one statement; the account's roles are then kept for its version. */
    private Optional<CallerRow> findWithRoles(UUID sessionId) {
        Map<String, Long> roleVersions = new HashMap<>();
        Set<String> roleNames = new HashSet<>();
        CallerRow session = jdbc.query(
                CALLER,
                (ResultSetExtractor<CallerRow>) rs -> collect(rs, roleNames, roleVersions),
                sessionId.toString());
        if (session == null) {
            return Optional.empty();
        }
        List<String> stale = roleVersions.entrySet().stream()
                .filter(e -> !permissionsKnown(e.getKey(), e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (!stale.isEmpty()) {
            load(stale);
        }
        Set<String> permitted = new HashSet<>();
        for (String roleId : roleVersions.keySet()) {
            RolePermissions role = permissions.get(roleId);
            if (role != null) {
                permitted.addAll(role.permissions());
            }
        }
        AccountRoles roles = new AccountRoles(session.accountVersion(), Set.copyOf(roleNames), Set.copyOf(permitted));
        // the newest version read wins: a request that read an older one must not replace a newer entry
        accountRoles
                .asMap()
                .merge(
                        session.userId(),
                        roles,
                        (old, fresh) -> fresh.accountVersion() >= old.accountVersion() ? fresh : old);
        return Optional.of(session.withRoles(roles.roles(), roles.permissions()));
    }

    private boolean permissionsKnown(String roleId, long version) {
        RolePermissions known = permissions.get(roleId);
        // a newer version than the session's row saw is fine: it was read later, so it is at least as current
        return known != null && known.version() >= version;
    }

    /** The permissions of these roles with the version they belong to, read together in one statement. */
    private void load(List<String> roleIds) {
        String in = String.join(", ", Collections.nCopies(roleIds.size(), "?"));
        Map<String, RolePermissions> read = new HashMap<>();
        jdbc.query(
                "select r.id, r.version, p.permission from roles r "
                        + "left join role_permissions p on p.role_id = r.id where r.id in (" + in + ")",
                (RowCallbackHandler) rs -> {
                    long version = rs.getLong(2);
                    RolePermissions role =
                            read.computeIfAbsent(rs.getString(1), id -> new RolePermissions(version, new HashSet<>()));
                    String permission = rs.getString(3);
                    if (permission != null) {
                        role.permissions().add(permission);
                    }
                },
                roleIds.toArray());
        read.forEach((id, role) ->
                permissions.merge(id, role.frozen(), (old, fresh) -> fresh.version() >= old.version() ? fresh : old));
    }

    private static CallerRow collect(ResultSet rs, Set<String> roleNames, Map<String, Long> roleVersions)
            throws SQLException {
        CallerRow session = null;
        while (rs.next()) {
            if (session == null) {
                session = session(rs, null);
            }
            String role = rs.getString("name");
            if (role != null) {
                roleNames.add(role);
                roleVersions.put(rs.getString("id"), rs.getLong("version"));
            }
        }
        return session;
    }

    /**
     * The session's and account's columns, with the value of a read along (or null); roles and permissions are
     * added by {@link CallerRow#withRoles}.
     */
    private static CallerRow session(ResultSet rs, Object readAlong) throws SQLException {
        return new CallerRow(
                UUID.fromString(rs.getString(1)),
                instant(rs, 2),
                instant(rs, 3),
                instant(rs, 4),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7),
                rs.getLong(8),
                Set.of(),
                Set.of(),
                readAlong);
    }

    /** An account's role names and what they permit, as of one version of the account. */
    private record AccountRoles(long accountVersion, Set<String> roles, Set<String> permissions) {}

    /** One role's permissions as of {@code version}. */
    private record RolePermissions(long version, Set<String> permissions) {

        RolePermissions frozen() {
            return new RolePermissions(version, Set.copyOf(permissions));
        }
    }

    /**
     * One session joined with its account; roles and permissions are flattened into (unmodifiable) sets.
     *
     * @param readAlong the value of a {@link CallerReadAlong} read in the same statement, or null
     */
    public record CallerRow(
            UUID userId,
            Instant lastUsedAt,
            Instant absoluteExpiresAt,
            Instant revokedAt,
            String email,
            String status,
            boolean passwordChangeRequired,
            long accountVersion,
            Set<String> roles,
            Set<String> permissions,
            Object readAlong) {

        CallerRow withRoles(Set<String> roles, Set<String> permissions) {
            return new CallerRow(
                    userId,
                    lastUsedAt,
                    absoluteExpiresAt,
                    revokedAt,
                    email,
                    status,
                    passwordChangeRequired,
                    accountVersion,
                    roles,
                    permissions,
                    readAlong);
        }
    }
}
