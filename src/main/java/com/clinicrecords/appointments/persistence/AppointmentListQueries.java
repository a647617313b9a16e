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
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The appointment list at scale, in native SQL so that every branch can use an index:
 * <ul>
 *   <li>a doctor sees the UNION of their own schedule ({@code doctor_id}), the appointments of patients linked to
 *       them and, if they are also a patient, their own; each branch is ordered and cut at offset + size + 1 rows
 *       before the union, instead of one {@code OR EXISTS} scan of the table;
 *   <li>in start order (the default), the linked patients' appointments are one index range of
 *       {@code linked_patient_appointments} (see {@link LinkedPatientAppointments}), each row checked against its
 *       link and doctor; in another order they are read from the links and each patient's appointments, and
 *       sorted (a doctor with 200 linked patients of 20 appointments each: 4,000 rows per page);
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
        Branch branch = branch(
                "select a.* from appointments a join doctors own on own.id = a.doctor_id and own.user_id = ? "
                        + "where 1 = 1",
                APPOINTMENTS,
                f,
                pageable.getSort(),
                after,
                args);
        return rows(List.of(branch), pageable, after);
    }

    private Rows rows(List<Branch> branches, Pageable pageable, Object @Nullable [] after) {
        if (branches.isEmpty()) {
            return new Rows(List.of(), false);
        }
        Sort sort = pageable.getSort();
        String order = orderBy(sort, c -> "v." + c);
        long offset = after == null ? pageable.getOffset() : 0;
        long window = offset + pageable.getPageSize() + 1;
        String sql;
        List<Object> all = new ArrayList<>();
        if (branches.size() == 1) {
            // A deferred join: the offset is walked over the id and the sort columns only (with the sort's index,
            // which ends in the id, a covering index scan), then only the page's rows are read. For a deep
            // OFFSET of "select a.*" MySQL otherwise scans and sorts the whole table (page 500 of 100,000
            // appointments: 411 ms against 16 ms).
            Branch b = branches.get(0);
            sql = "select a.* from (" + b.select(sortKeys(sort, b.column())) + " order by "
                    + orderBy(sort, b.column()) + " limit ? offset ?) v "
                    + "join appointments a on a.id = v.id order by " + order;
            all.addAll(b.args());
        } else {
            // each branch ordered and cut before the union: a doctor's list reads index ranges, not the table.
            // The branches select only the id and the sort columns (with the default order, straight from the
            // (doctor_id|patient_id, starts_at) indexes and linked_patient_appointments, which end in the id);
            // the page's rows are read last.
            StringBuilder union = new StringBuilder("select a.* from (");
            for (int i = 0; i < branches.size(); i++) {
                Branch b = branches.get(i);
                union.append(i == 0 ? "" : " union ")
                        .append('(')
                        .append(b.select(sortKeys(sort, b.column())))
                        .append(" order by ")
                        .append(orderBy(sort, b.column()))
                        .append(" limit ?)");
                all.addAll(b.args());
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

    /**
     * One branch of a list: a statement that starts with {@code select a.*} (replaced by what is selected), its
     * arguments, and where each appointment column is read in it (a bare column name to an expression).
     */
    private record Branch(String sql, List<Object> args, UnaryOperator<String> column) {

        String select(String what) {
            return "select " + what + sql.substring("select a.*".length());
        }
    }

    /** Columns of {@code appointments a}. */
    private static final UnaryOperator<String> APPOINTMENTS = c -> "a." + c;

    /**
     * Columns of {@code linked_patient_appointments la} where it has them (the id, the patient, the start), else
     * of {@code appointments a}, which is then joined.
     */
    private static final UnaryOperator<String> LINKED = c -> switch (c) {
        case "id" -> "la.appointment_id";
        case "patient_id", "starts_at" -> "la." + c;
        default -> "a." + c;
    };

    private static List<Branch> scope(
            AppointmentSearch f,
            boolean everything,
            UUID ownPatient,
            UUID ownDoctor,
            Sort sort,
            Object @Nullable [] after) {
        List<Branch> branches = new ArrayList<>();
        if (everything) {
            branches.add(branch("select a.* from appointments a where 1 = 1", APPOINTMENTS, f, sort, after, args()));
        } else {
            if (ownDoctor != null) {
                branches.add(branch(
                        "select a.* from appointments a where a.doctor_id = ?",
                        APPOINTMENTS,
                        f,
                        sort,
                        after,
                        args(ownDoctor.toString())));
                branches.add(linkedPatients(ownDoctor, f, sort, after));
            }
            if (ownPatient != null) {
                branches.add(branch(
                        "select a.* from appointments a where a.patient_id = ?",
                        APPOINTMENTS,
                        f,
                        sort,
                        after,
                        args(ownPatient.toString())));
            }
        }
        return branches;
    }

    /**
     * The appointments of the patients linked to {@code doctor}, under the link rule (a deactivated doctor or a
     * removed link gives no rows). In start order from {@code linked_patient_appointments}: the doctor's range of
     * it in index order, each row joined to its link and, only when a filter needs it, its appointment; cut after
     * the window. Otherwise from the links, each patient's appointments by (patient_id, starts_at), then sorted.
     */
    private static Branch linkedPatients(UUID doctor, AppointmentSearch f, Sort sort, Object @Nullable [] after) {
        // in start order: "startsAt" alone or before the id (the default order; the id breaks ties anyway)
        if (sort.stream()
                .filter(o -> COLUMNS.containsKey(o.getProperty()))
                .map(Sort.Order::getProperty)
                .toList()
                .equals(List.of("startsAt"))) {
            boolean needsRow = f.doctorId() != null || f.status() != null;
            return branch(
                    // straight_join: the doctor's range of the rows in index order drives the join; left to itself
                    // the optimizer started from the doctor's links (a lookup per linked patient) and sorted
                    "select a.* from doctors d straight_join linked_patient_appointments la on la.doctor_id = d.id "
                            + "straight_join doctor_patient_links l on l.doctor_id = la.doctor_id "
                            + "and l.patient_id = la.patient_id and l.removed_at is null "
                            + (needsRow ? "straight_join appointments a on a.id = la.appointment_id " : "")
                            + "where d.id = ? and d.active = true",
                    LINKED,
                    f,
                    sort,
                    after,
                    args(doctor.toString()));
        }
        return branch(
                "select a.* from " + PatientVisibility.ACTIVE_LINKS_SQL
                        + " join appointments a on a.patient_id = l.patient_id where d.id = ?",
                APPOINTMENTS,
                f,
                sort,
                after,
                args(doctor.toString()));
    }

    private static List<Object> args(Object... first) {
        return new ArrayList<>(List.of(first));
    }

    /**
     * The number of matching rows, counted up to {@link #TOTAL_CAP}: only asked for when a page is full (a total
     * at the cap is remembered for a few seconds, see CappedTotals).
     */
    public long count(AppointmentSearch f, boolean everything, UUID ownPatient, UUID ownDoctor, Sort sort) {
        List<Branch> branches = scope(f, everything, ownPatient, ownDoctor, sort, null);
        StringBuilder sql = new StringBuilder("select count(*) from (");
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            Branch b = branches.get(i);
            sql.append(i == 0 ? "" : " union ")
                    .append('(')
                    .append(b.select(b.column().apply("id") + " as id"))
                    .append(" limit ?)");
            all.addAll(b.args());
            all.add(TOTAL_CAP);
        }
        sql.append(") c");
        return totals.counted(sql.toString(), List.of(bound(all)));
    }

    private static Branch branch(
            String select,
            UnaryOperator<String> col,
            AppointmentSearch f,
            Sort sort,
            Object @Nullable [] after,
            List<Object> args) {
        StringBuilder sql = new StringBuilder(select);
        if (f.doctorId() != null) {
            sql.append(" and ").append(col.apply("doctor_id")).append(" = ?");
            args.add(f.doctorId().toString());
        }
        if (f.patientId() != null) {
            sql.append(" and ").append(col.apply("patient_id")).append(" = ?");
            args.add(f.patientId().toString());
        }
        if (f.from() != null) {
            sql.append(" and ").append(col.apply("starts_at")).append(" >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" and ").append(col.apply("starts_at")).append(" < ?");
            args.add(f.to());
        }
        if (f.status() != null) {
            sql.append(" and ").append(col.apply("status")).append(" = ?");
            args.add(f.status().name());
        }
        if (after != null) {
            // "after (value, id)" spelled as two ranges of the column's index (InnoDB appends the id): one seek to
            // (value, id), then index order; no "id > ?" standing alone, which the optimizer could merge with the
            // primary key and then sort
            Sort.Order first = sort.iterator().next();
            String column = col.apply(COLUMNS.get(first.getProperty()));
            String beyond = first.isAscending() ? " > ?" : " < ?";
            sql.append(" and (")
                    .append(column)
                    .append(beyond)
                    .append(" or (")
                    .append(column)
                    .append(" = ? and ")
                    .append(col.apply("id"))
                    .append(beyond)
                    .append("))");
            args.add(after[0]);
            args.add(after[0]);
            args.add(after[1]);
        }
        return new Branch(sql.toString(), args, col);
    }

    /**
     * The id and the sort columns, named as in {@code appointments}: what each branch of a union, or the deferred
     * join, selects (see {@link #orderBy}).
     */
    private static String sortKeys(Sort sort, UnaryOperator<String> col) {
        List<String> keys = new ArrayList<>(List.of("id"));
        for (Sort.Order o : sort) {
            String column = COLUMNS.get(o.getProperty());
            if (column != null && !keys.contains(column)) {
                keys.add(column);
            }
        }
        return String.join(
                ", ", keys.stream().map(k -> col.apply(k) + " as " + k).toList());
    }

    /** Only allow-listed properties reach this point (PageRequests); the id breaks ties for a stable order. */
    private static String orderBy(Sort sort, UnaryOperator<String> col) {
        List<String> parts = new ArrayList<>();
        String direction = "asc";
        for (Sort.Order o : sort) {
            String column = COLUMNS.get(o.getProperty());
            if (column != null) {
                direction = o.isAscending() ? "asc" : "desc";
                parts.add(col.apply(column) + " " + direction);
            }
        }
        parts.add(col.apply("id") + " " + direction);
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
