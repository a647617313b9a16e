package com.clinicrecords.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Resolves the caller of an authenticated request in one round trip: the session, its account, the account's
 * roles and their permissions in one statement (one row per role/permission pair). It runs outside any
 * transaction, so the driver sends nothing but the statement (no auto-commit or read-only toggles). Nothing is
 * cached: logout, password change, disabling and role changes take effect on the very next request on every
 * instance. Plain SQL rather than JPA because the entity graph (user, roles, permissions) needs several
 * selects, and the rows are never loaded to be changed.
 */
@Repository
public class CallerQueries {

    private static final String CALLER = "select s.user_id, s.last_used_at, s.absolute_expires_at, s.revoked_at, "
            + "u.email, u.status, u.password_change_required, r.name, p.permission "
            + "from auth_sessions s join users u on u.id = s.user_id "
            + "left join user_roles ur on ur.user_id = u.id left join roles r on r.id = ur.role_id "
            + "left join role_permissions p on p.role_id = r.id where s.id = ?";

    private final JdbcTemplate jdbc;

    public CallerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The session with its account, roles and permissions; empty when there is no such session. */
    public Optional<CallerRow> find(UUID sessionId) {
        return Optional.ofNullable(jdbc.query(CALLER, CallerQueries::collect, sessionId.toString()));
    }

    private static CallerRow collect(ResultSet rs) throws SQLException {
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
            }
            String permission = rs.getString("permission");
            if (permission != null) {
                caller.permissions().add(permission);
            }
        }
        return caller;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
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
