package com.clinicrecords.appointments.persistence;

import static com.clinicrecords.shared.persistence.JdbcValues.instant;
import static com.clinicrecords.shared.persistence.JdbcValues.utc;
import static com.clinicrecords.shared.persistence.JdbcValues.uuid;

import com.clinicrecords.appointments.domain.AppointmentSearch;
import com.clinicrecords.appointments.domain.AppointmentStatus;
import com.clinicrecords.appointments.domain.AppointmentView;
import com.clinicrecords.patients.persistence.PatientVisibility;
import com.clinicrecords.shared.domain.CursorPageView;
import com.clinicrecords.shared.persistence.CappedTotals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The appointment list at scale, in native SQL so that every branch can use an index:
 * <ul>
 *   <li>a doctor sees the UNION of their own schedule ({@code doctor_id}), the appointments of patients linked to
 *       them (links, then {@code patient_id}) and, if they are also a patient, their own; each branch is ordered
 *       and cut at offset + size + 1 rows before the union, instead of one {@code OR EXISTS} scan of the table;
 *   <li>the total is only counted when a page is full, and then only up to {@link #TOTAL_CAP} rows (a
 *       {@code totalElements} of exactly {@value #TOTAL_CAP} means "at least that many"), so no page costs a
 *       {@code COUNT(*)} over millions of rows;
 *   <li>deep pages are read by keyset (the sort value and id of the previous page's last row) instead of an
 *       offset, so page 5,000 reads as few index entries as page 1, and a page asked for that way counts nothing;
 *   <li>a numbered page walks its offset over ids and sort columns only (a deferred join), then reads its rows.
 * </ul>
 * The scope (which ids may be seen) is decided by the caller; this class only runs it. Plain JDBC rather than JPA
 * native queries: the rows are only shown, never changed, and an entity manager opened and closed per statement
 * outside a transaction (three per list request) was a third of the request's CPU time in the load benchmark's
 * flight recording.
 */
@Repository
public class AppointmentListQueries {

    public static final int TOTAL_CAP = CursorPageView.TOTAL_CAP;

    private static final Map<String, String> COLUMNS =
            Map.of("startsAt", "starts_at", "endsAt", "ends_at", "createdAt", "created_at", "status", "status");

    private final JdbcTemplate jdbc;
    private final CappedTotals totals;

    public AppointmentListQueries(JdbcTemplate jdbc, CappedTotals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    /**
     * The ids of the caller's own patient record and doctor profile in one statement:
     * {@code [patientId or null, doctorId or null]}.
     */
    public UUID[] ownProfiles(UUID userId) {
        return jdbc.queryForObject(
                "select (select p.id from patients p where p.user_id = ? and p.deleted_at is null), "
                        + "(select d.id from doctors d where d.user_id = ?)",
                (rs, n) -> new UUID[] {uuid(rs.getString(1)), uuid(rs.getString(2))},
                userId.toString(),
                userId.toString());
    }

    /**
     * One page of appointments matching {@code f}: with {@code everything} the scope is the whole table (admins);
     * otherwise the union of the given non-null scopes (own patient, own doctor, patients linked to own doctor).
     * Up to {@code pageable}'s size rows in its sort, from its offset or, with {@code after} (the sort value and
     * the id of the previous page's last row), from just after that row: every branch then seeks with
     * {@code (col > ? or (col = ? and id > ?))} (reversed for desc), an index range, instead of skipping rows.
     */
    public Rows rows(
            AppointmentSearch f,
            boolean everything,
            UUID ownPatient,
            UUID ownDoctor,
            Pageable pageable,
            Object @Nullable [] after) {
        return rows(scope(f, everything, ownPatient, ownDoctor, pageable.getSort(), after), pageable, after);
    }

    /**
     * One page of the schedule of the doctor {@code f} names, only if that doctor profile is the caller's own
     * ({@code userId}): the caller's profile is checked in the same statement (a join on the doctor's primary key),
     * not looked up first. Empty both when it is not the caller's profile and when nothing matches; the caller
     * then takes the general path.
     */
    public Rows ownScheduleRows(AppointmentSearch f, UUID userId, Pageable pageable, Object @Nullable [] after) {
        List<Object> args = new ArrayList<>();
        args.add(userId.toString());
        String branch = branch(
                "select a.* from appointments a join doctors own on own.id = a.doctor_id and own.user_id = ? "
                        + "where 1 = 1",
                f,
                pageable.getSort(),
                after,
                args);
        return rows(new Scope(List.of(branch), args), pageable, after);
    }

    private Rows rows(Scope scope, Pageable pageable, Object @Nullable [] after) {
        if (scope.branches().isEmpty()) {
            return new Rows(List.of(), false);
        }
        String order = orderBy(pageable.getSort());
        long offset = after == null ? pageable.getOffset() : 0;
        long window = offset + pageable.getPageSize() + 1;
        List<String> branches = scope.branches();
        List<Object> args = scope.args();
        String sql;
        List<Object> all = new ArrayList<>();
        if (branches.size() == 1) {
            // A deferred join: the offset is walked over the id and the sort columns only (with the sort's index,
            // which ends in the id, a covering index scan), then only the page's rows are read. For a deep
            // OFFSET of "select a.*" MySQL otherwise scans and sorts the whole table (page 500 of 100,000
            // appointments: 411 ms against 16 ms).
            sql = "select a.* from (" + branches.get(0).replace("select a.*", "select " + sortKeys(pageable.getSort()))
                    + " order by " + order.replace("v.", "a.") + " limit ? offset ?) v "
                    + "join appointments a on a.id = v.id order by " + order;
            all.addAll(args);
        } else {
            // each branch ordered and cut before the union: a doctor's list reads index ranges, not the table.
            // The branches select only the id and the sort columns (with the default order, straight from the
            // (doctor_id|patient_id, starts_at) indexes, which end in the id); the page's rows are read last.
            String keys = sortKeys(pageable.getSort());
            StringBuilder union = new StringBuilder("select a.* from (");
            int perBranch = args.size() / branches.size();
            for (int i = 0; i < branches.size(); i++) {
                union.append(i == 0 ? "" : " union ")
                        .append('(')
                        .append(branches.get(i).replace("select a.*", "select " + keys))
                        .append(" order by ")
                        .append(order.replace("v.", "a."))
                        .append(" limit ?)");
                all.addAll(args.subList(i * perBranch, (i + 1) * perBranch));
                all.add(window);
            }
            sql = union.append(") v join appointments a on a.id = v.id order by ")
                    .append(order)
                    .append(" limit ? offset ?")
                    .toString();
        }
        all.add(pageable.getPageSize() + 1);
        all.add(offset);
        List<AppointmentView> rows = jdbc.query(sql, AppointmentListQueries::view, bound(all));
        if (rows.size() <= pageable.getPageSize()) {
            return new Rows(rows, false);
        }
        return new Rows(new ArrayList<>(rows.subList(0, pageable.getPageSize())), true);
    }

    /** Rows of one page and whether more follow. */
    public record Rows(List<AppointmentView> content, boolean more) {}

    private record Scope(List<String> branches, List<Object> args) {}

    private static Scope scope(
            AppointmentSearch f,
            boolean everything,
            UUID ownPatient,
            UUID ownDoctor,
            Sort sort,
            Object @Nullable [] after) {
        List<Object> args = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        if (everything) {
            branches.add(branch("select a.* from appointments a where 1 = 1", f, sort, after, args));
        } else {
            if (ownDoctor != null) {
                args.add(ownDoctor.toString());
                branches.add(branch("select a.* from appointments a where a.doctor_id = ?", f, sort, after, args));
                args.add(ownDoctor.toString());
                // the link rule: a deactivated doctor or a removed link gives no rows
                branches.add(branch(
                        "select a.* from " + PatientVisibility.ACTIVE_LINKS_SQL
                                + " join appointments a on a.patient_id = l.patient_id where d.id = ?",
                        f,
                        sort,
                        after,
                        args));
            }
            if (ownPatient != null) {
                args.add(ownPatient.toString());
                branches.add(branch("select a.* from appointments a where a.patient_id = ?", f, sort, after, args));
            }
        }
        return new Scope(branches, args);
    }

    /**
     * The number of matching rows, counted up to {@link #TOTAL_CAP}: only asked for when a page is full (a total
     * at the cap is remembered for a few seconds, see CappedTotals).
     */
    public long count(AppointmentSearch f, boolean everything, UUID ownPatient, UUID ownDoctor, Sort sort) {
        Scope scope = scope(f, everything, ownPatient, ownDoctor, sort, null);
        return cappedCount(scope.branches(), scope.args());
    }

    private long cappedCount(List<String> branches, List<Object> args) {
        StringBuilder sql = new StringBuilder("select count(*) from (");
        List<Object> all = new ArrayList<>();
        int perBranch = args.size() / branches.size();
        for (int i = 0; i < branches.size(); i++) {
            sql.append(i == 0 ? "" : " union ")
                    .append('(')
                    .append(branches.get(i).replace("select a.*", "select a.id"))
                    .append(" limit ?)");
            all.addAll(args.subList(i * perBranch, (i + 1) * perBranch));
            all.add(TOTAL_CAP);
        }
        sql.append(") c");
        return totals.counted(sql.toString(), List.of(bound(all)));
    }

    private static String branch(
            String select, AppointmentSearch f, Sort sort, Object @Nullable [] after, List<Object> args) {
        StringBuilder sql = new StringBuilder(select);
        if (f.doctorId() != null) {
            sql.append(" and a.doctor_id = ?");
            args.add(f.doctorId().toString());
        }
        if (f.patientId() != null) {
            sql.append(" and a.patient_id = ?");
            args.add(f.patientId().toString());
        }
        if (f.from() != null) {
            sql.append(" and a.starts_at >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" and a.starts_at < ?");
            args.add(f.to());
        }
        if (f.status() != null) {
            sql.append(" and a.status = ?");
            args.add(f.status().name());
        }
        if (after != null) {
            // "after (value, id)" spelled as two ranges of the column's index (InnoDB appends the id): one seek to
            // (value, id), then index order; no "id > ?" standing alone, which the optimizer could merge with the
            // primary key and then sort
            Sort.Order first = sort.iterator().next();
            String column = "a." + COLUMNS.get(first.getProperty());
            String beyond = first.isAscending() ? " > ?" : " < ?";
            sql.append(" and (")
                    .append(column)
                    .append(beyond)
                    .append(" or (")
                    .append(column)
                    .append(" = ? and a.id")
                    .append(beyond)
                    .append("))");
            args.add(after[0]);
            args.add(after[0]);
            args.add(after[1]);
        }
        return sql.toString();
    }

    /** The id and the sort columns: what each branch of a union, or the deferred join, selects (see {@link #orderBy}). */
    private static String sortKeys(Sort sort) {
        List<String> keys = new ArrayList<>(List.of("a.id"));
        for (Sort.Order o : sort) {
            String column = COLUMNS.get(o.getProperty());
            if (column != null && !keys.contains("a." + column)) {
                keys.add("a." + column);
            }
        }
        return String.join(", ", keys);
    }

    /** Only allow-listed properties reach this point (PageRequests); the id breaks ties for a stable order. */
    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        String direction = "asc";
        for (Sort.Order o : sort) {
            String column = COLUMNS.get(o.getProperty());
            if (column != null) {
                direction = o.isAscending() ? "asc" : "desc";
                parts.add("v." + column + " " + direction);
            }
        }
        parts.add("v.id " + direction);
        return String.join(", ", parts);
    }

    /** Instants as the UTC date-times they are stored as (hibernate.jdbc.time_zone=UTC elsewhere). */
    private static Object[] bound(List<Object> args) {
        return args.stream().map(a -> a instanceof Instant i ? utc(i) : a).toArray();
    }

    private static AppointmentView view(ResultSet rs, int rowNum) throws SQLException {
        return new AppointmentView(
                UUID.fromString(rs.getString("id")),
                UUID.fromString(rs.getString("doctor_id")),
                UUID.fromString(rs.getString("patient_id")),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                AppointmentStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "cancelled_at"),
                rs.getLong("version"));
    }
}
