package com.clinicrecords.identity.persistence;

import static com.clinicrecords.shared.persistence.JdbcValues.instant;

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
 * Resolves the caller of an authenticated request in one round trip: the session, its account and the account's
 * roles with their versions in one statement (one row per role). It runs outside any transaction, so the driver
 * sends nothing but the statement (no auto-commit or read-only toggles). The session, the account and its role
 * assignments are never cached: logout, password change, disabling and role grants take effect on the very next
 * request on every instance. What a role permits is kept in memory per (role, version): every change of a role
 * raises its version (JPA {@code @Version}), so an instance that sees a newer version with a caller's session
 * reads that role's permissions again in a second statement, before answering that request. Joining the
 * permissions into every caller's statement (one row per role/permission pair) cost more database time than
 * the patient read itself in the load benchmark. Plain SQL rather than JPA because the entity graph (user,
 * roles, permissions) needs several selects, and the rows are never loaded to be changed.
 */
@Repository
public class CallerQueries {

    private static final String CALLER = "select s.user_id, s.last_used_at, s.absolute_expires_at, s.revoked_at, "
            + "u.email, u.status, u.password_change_required, r.id, r.name, r.version "
            + "from auth_sessions s join users u on u.id = s.user_id "
            + "left join user_roles ur on ur.user_id = u.id left join roles r on r.id = ur.role_id where s.id = ?";

    private final JdbcTemplate jdbc;
    /** Role id -> its permissions at one version; as many entries as there are roles (a few dozen at most). */
    private final Map<String, RolePermissions> permissions = new ConcurrentHashMap<>();

    public CallerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The session with its account, roles and permissions; empty when there is no such session. */
    public Optional<CallerRow> find(UUID sessionId) {
        Map<String, Long> roleVersions = new HashMap<>();
        CallerRow caller = jdbc.query(
                CALLER, (ResultSetExtractor<CallerRow>) rs -> collect(rs, roleVersions), sessionId.toString());
        if (caller == null) {
            return Optional.empty();
        }
        List<String> stale = roleVersions.entrySet().stream()
                .filter(e -> !permissionsKnown(e.getKey(), e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (!stale.isEmpty()) {
            load(stale);
        }
        for (String roleId : roleVersions.keySet()) {
            RolePermissions known = permissions.get(roleId);
            if (known != null) {
                caller.permissions().addAll(known.permissions());
            }
        }
        return Optional.of(caller);
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

    private static CallerRow collect(ResultSet rs, Map<String, Long> roleVersions) throws SQLException {
        CallerRow caller = null;
        while (rs.next()) {
            if (caller == null) {
                caller = new CallerRow(
                        UUID.fromString(rs.getString("user_id")),
                        instant(rs, "last_used_at"),
                        instant(rs, "absolute_expires_at"),
                        instant(rs, "revoked_at"),
                        rs.getString("email"),
                        rs.getString("status"),
                        rs.getBoolean("password_change_required"),
                        new HashSet<>(),
                        new HashSet<>());
            }
            String role = rs.getString("name");
            if (role != null) {
                caller.roles().add(role);
                roleVersions.put(rs.getString("id"), rs.getLong("version"));
            }
        }
        return caller;
    }

    /** One role's permissions as of {@code version}. */
    private record RolePermissions(long version, Set<String> permissions) {

        RolePermissions frozen() {
            return new RolePermissions(version, Set.copyOf(permissions));
        }
    }

    /** One session joined with its account; roles and permissions are flattened into sets. */
    public record CallerRow(
            UUID userId,
            Instant lastUsedAt,
            Instant absoluteExpiresAt,
            Instant revokedAt,
            String email,
            String status,
            boolean passwordChangeRequired,
            Set<String> roles,
            Set<String> permissions) {}
}
