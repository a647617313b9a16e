package com.clinicrecords.audit.persistence;

import static com.clinicrecords.shared.persistence.JdbcValues.instant;
import static com.clinicrecords.shared.persistence.JdbcValues.utc;
import static com.clinicrecords.shared.persistence.JdbcValues.uuid;

import com.clinicrecords.audit.domain.AuditEventView;
import com.clinicrecords.audit.domain.AuditFilter;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.shared.domain.PageCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the append-only audit table with plain SQL: there is no entity, because rows are never loaded to be
 * changed. Every criterion is a bound parameter; the optional ones are only appended when present.
 */
@Repository
public class AuditEventQueries {

    private static final String SELECT = "select a.id, a.occurred_at, a.actor_user_id, a.actor_roles, a.patient_id, "
            + "a.resource_type, a.resource_id, a.action, a.outcome, a.request_id, a.client_ip, a.detail, "
            + "u.first_name, u.last_name from audit_events a left join users u on u.id = a.actor_user_id where 1 = 1";

    private final JdbcTemplate jdbc;

    public AuditEventQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code filter.limit() + 1} rows, newest first, so the caller can tell whether more exist. Newest
     * first is by id; a search by date alone (no user or patient) goes by time, then id, so that it walks the
     * {@code (occurred_at)} index (InnoDB appends the id) in order from the range's end instead of sorting the
     * range or reading the table from its newest row: its cursor (still the last row's id) is then continued
     * from that row's time, read by primary key. An unknown cursor id is a 400.
     */
    public List<AuditEventView> find(AuditFilter filter) {
        boolean byTime =
                (filter.from() != null || filter.to() != null) && filter.userId() == null && filter.patientId() == null;
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> args = new ArrayList<>();
        if (filter.userId() != null) {
            sql.append(" and a.actor_user_id = ?");
            args.add(filter.userId().toString());
        }
        if (filter.patientId() != null) {
            sql.append(" and a.patient_id = ?");
            args.add(filter.patientId().toString());
        }
        if (filter.from() != null) {
            sql.append(" and a.occurred_at >= ?");
            args.add(utc(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and a.occurred_at < ?");
            args.add(utc(filter.to()));
        }
        if (filter.cursor() != null && byTime) {
            LocalDateTime at = jdbc
                    .query(
                            "select occurred_at from audit_events where id = ?",
                            (rs, row) -> rs.getObject(1, LocalDateTime.class),
                            filter.cursor())
                    .stream()
                    .findFirst()
                    .orElseThrow(() -> PageCursor.invalid("is not a cursor of this list"));
            sql.append(" and (a.occurred_at < ? or (a.occurred_at = ? and a.id < ?))");
            args.add(at);
            args.add(at);
            args.add(filter.cursor());
        } else if (filter.cursor() != null) {
            sql.append(" and a.id < ?");
            args.add(filter.cursor());
        }
        sql.append(byTime ? " order by a.occurred_at desc, a.id desc limit ?" : " order by a.id desc limit ?");
        args.add(filter.limit() + 1);
        return jdbc.query(sql.toString(), AuditEventQueries::map, args.toArray());
    }

    private static AuditEventView map(ResultSet rs, int row) throws SQLException {
        String first = rs.getString("first_name");
        String name = first == null ? null : (first + " " + rs.getString("last_name")).trim();
        return new AuditEventView(
                rs.getLong("id"),
                instant(rs, "occurred_at"),
                uuid(rs.getString("actor_user_id")),
                name,
                rs.getString("actor_roles"),
                uuid(rs.getString("patient_id")),
                AuditResource.normalize(rs.getString("resource_type")),
                rs.getString("resource_id"),
                rs.getString("action"),
                rs.getString("outcome"),
                rs.getString("request_id"),
                rs.getString("client_ip"),
                rs.getString("detail"));
    }
}
