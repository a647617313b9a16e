package com.clinicrecords.patients.persistence;

import static com.clinicrecords.shared.persistence.JdbcValues.uuid;

import com.clinicrecords.patients.domain.Gender;
import com.clinicrecords.patients.domain.PatientDirectoryEntry;
import com.clinicrecords.patients.domain.PatientSearch;
import com.clinicrecords.shared.domain.CursorPageView;
import com.clinicrecords.shared.persistence.CappedTotals;
import com.clinicrecords.shared.persistence.WordStarts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The patient lists at scale, in plain SQL without a transaction: the admin directory (every live record) and a
 * doctor's own patients (live records with an active link to the doctor's active profile), both by name, searched
 * as {@link PatientSearch} says. One statement for the page; only for a full page a second one that counts up to
 * {@link CursorPageView#TOTAL_CAP} (a directory of a million patients is not counted on every page). A doctor's
 * page counts in the same statement ({@code count(*) over ()}): to sort by name it reads every linked record
 * anyway, and a second pass over them cost MySQL more than half as much again (2.0 ms for the page of a doctor
 * with 198 patients at the 2M scale, 1.2 ms for the count, 2.1 ms for both in one).
 * <ul>
 *   <li>The directory's page walks its offset over the name index of live records (ix_patients_live_name:
 *       deleted_at, last_name, first_name, and the id InnoDB appends), then reads the page's rows (a deferred
 *       join; an OFFSET of whole rows made MySQL scan and sort the table, see the appointment list).
 *   <li>A search word is {@code last_name like 'w%' or first_name like 'w%' or insurance_number like 'w%'}:
 *       three index ranges the optimizer can merge, where {@code '%w%'} read every row (0.4 s for 99,000 records).
 * </ul>
 * Plain JDBC for the same reason as the appointment list: the rows are only shown, and JPQL cannot say a
 * variable number of words or a capped count.
 */
@Repository
public class PatientListQueries {

    private static final String ORDER = " order by p.last_name, p.first_name, p.id";

    private final JdbcTemplate jdbc;
    private final CappedTotals totals;

    public PatientListQueries(JdbcTemplate jdbc, CappedTotals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    /** Whose records: every live one (admins), or those linked to the active doctor profile of an account. */
    public record Scope(@Nullable UUID doctorUserId) {

        public static final Scope DIRECTORY = new Scope(null);

        public static Scope linkedTo(UUID doctorUserId) {
            return new Scope(doctorUserId);
        }
    }

    /**
     * Up to {@code size} records, whether more follow, and for a doctor's page with rows the number of all matching
     * records (else null: {@link #count} tells).
     */
    public record Rows(
            List<PatientDirectoryEntry> content,
            boolean more,
            @Nullable Long total) {}

    public Rows page(Scope scope, PatientSearch search, long offset, int size) {
        boolean counted = scope.doctorUserId() != null;
        List<Object> args = new ArrayList<>();
        StringBuilder keys = new StringBuilder("select p.id, p.last_name, p.first_name");
        if (counted) {
            keys.append(", count(*) over () as total");
        }
        from(keys, scope, search, args);
        keys.append(ORDER).append(" limit ? offset ?");
        args.add(size + 1);
        args.add(offset);
        String sql = "select p.id, p.user_id, p.first_name, p.last_name, p.date_of_birth, p.gender, "
                + "p.insurance_number" + (counted ? ", v.total" : "") + " from (" + keys + ") v "
                + "join patients p on p.id = v.id order by v.last_name, v.first_name, v.id";
        long[] total = {-1};
        List<PatientDirectoryEntry> rows = jdbc.query(
                sql,
                (rs, n) -> {
                    if (counted) {
                        total[0] = rs.getLong("total");
                    }
                    return entry(rs, n);
                },
                args.toArray());
        boolean more = rows.size() > size;
        return new Rows(
                more ? List.copyOf(rows.subList(0, size)) : rows,
                more,
                total[0] < 0 ? null : Math.min(total[0], CursorPageView.TOTAL_CAP));
    }

    /** The number of matching records, counted up to {@link CursorPageView#TOTAL_CAP}. */
    public long count(Scope scope, PatientSearch search) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select p.id");
        from(sql, scope, search, args);
        return totals.of(sql, args);
    }

    private static void from(StringBuilder sql, Scope scope, PatientSearch search, List<Object> args) {
        if (scope.doctorUserId() == null) {
            sql.append(" from patients p where p.deleted_at is null");
        } else {
            sql.append(" from " + PatientVisibility.ACTIVE_LINKS_SQL + " join patients p on p.id = l.patient_id "
                    + "where d.user_id = ? and p.deleted_at is null");
            args.add(scope.doctorUserId().toString());
        }
        if (search.dateOfBirth() != null) {
            sql.append(" and p.date_of_birth = ?");
            args.add(search.dateOfBirth());
        }
        WordStarts.everyWordStartsOneOf(
                sql, args, search.prefixes(), "p.last_name", "p.first_name", "p.insurance_number");
    }

    private static PatientDirectoryEntry entry(ResultSet rs, int row) throws SQLException {
        String gender = rs.getString("gender");
        return new PatientDirectoryEntry(
                UUID.fromString(rs.getString("id")),
                uuid(rs.getString("user_id")),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getObject("date_of_birth", LocalDate.class),
                gender == null ? null : Gender.valueOf(gender),
                rs.getString("insurance_number"));
    }
}
