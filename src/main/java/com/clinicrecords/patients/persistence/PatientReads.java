package com.clinicrecords.patients.persistence;

import static com.clinicrecords.shared.persistence.JdbcValues.instant;
import static com.clinicrecords.shared.persistence.JdbcValues.uuid;

import com.clinicrecords.patients.domain.Gender;
import com.clinicrecords.patients.domain.PatientAccess;
import com.clinicrecords.patients.domain.PatientView;
import com.clinicrecords.shared.security.CallerReadAlong;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The hot read of one patient record (GET /api/patients/{id}), with the facts the access rule needs, in one
 * statement over plain JDBC and outside any transaction; and those facts alone, for every other patient-scoped
 * request. Why not the JPA query: loading the entity through
 * Hibernate in a read-only transaction (entity manager, persistence context, hydration, transaction
 * bookkeeping) cost more CPU than the rest of the request's own work together in the load benchmark's flight
 * recording, for a row that is only turned into a {@link PatientView}. Writes keep using the entity.
 */
@Repository
public class PatientReads {

    /** The record's columns, then whether it is live and whether the caller is linked (read by {@link #row}). */
    private static final String RECORD_COLUMNS = "p.id, p.user_id, p.first_name, p.last_name, p.date_of_birth, "
            + "p.gender, p.insurance_number, p.room, p.bed, p.diagnosis, p.prescribed_medicine, p.created_at, "
            + "p.updated_at, p.version, p.deleted_at is null, " + PatientVisibility.CALLER_LINKED_SQL;

    /** The patient's id and account, whether it is live and whether the caller is linked. */
    private static final String FACTS_COLUMNS =
            "p.id, p.user_id, p.deleted_at is null, " + PatientVisibility.CALLER_LINKED_SQL;

    private static final String BY_ID =
            " from patients p " + PatientVisibility.CALLER_LINK_OF_P_SQL + " where p.id = ?";

    private static final String WITH_FACTS = "select " + RECORD_COLUMNS + BY_ID;

    private static final String FACTS = "select " + FACTS_COLUMNS + BY_ID;

    /**
     * The patient bound first, the caller's link after it: joined to the caller's statement (the caller's user
     * id, bound second, is the one its token names; a session of another account is refused with its read).
     */
    private static final String ALONG_JOINS =
            "left join patients p on p.id = ? " + PatientVisibility.CALLER_LINK_OF_P_SQL;

    /** {@link #findWithFacts}'s statement as a read along with the caller ({@link CallerReadAlong}). */
    public static final CallerReadAlong.Shape RECORD_ALONG = new CallerReadAlong.Shape(RECORD_COLUMNS, ALONG_JOINS);

    /** {@link #findFacts}'s statement as a read along with the caller. */
    public static final CallerReadAlong.Shape FACTS_ALONG = new CallerReadAlong.Shape(FACTS_COLUMNS, ALONG_JOINS);

    private final JdbcTemplate jdbc;

    public PatientReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The record and the access facts for the caller; empty when there is no such patient. Read along with the
     * caller of this request when it was ({@link #recordAlong}), otherwise in a statement of its own.
     */
    public Optional<PatientWithFacts> findWithFacts(UUID id, UUID callerUserId) {
        Optional<Optional<PatientWithFacts>> along = takeAlong(RECORD_ALONG, id, callerUserId);
        if (along.isPresent()) {
            return along.get();
        }
        return jdbc.query(WITH_FACTS, (rs, rowNum) -> row(rs, 1), callerUserId.toString(), id.toString()).stream()
                .findFirst();
    }

    /**
     * Only the access facts of one patient for the caller, for a check before a write or a read of something
     * else (an upload, a booking); empty when there is no such patient.
     */
    public Optional<PatientAccess.Facts> findFacts(UUID id, UUID callerUserId) {
        Optional<Optional<PatientAccess.Facts>> along = takeAlong(FACTS_ALONG, id, callerUserId);
        if (along.isPresent()) {
            return along.get();
        }
        return jdbc.query(FACTS, (rs, rowNum) -> facts(rs, 1), callerUserId.toString(), id.toString()).stream()
                .findFirst();
    }

    /** {@link #findWithFacts} as a read along with the caller of a GET request. */
    public static CallerReadAlong.Read recordAlong(UUID id, UUID callerUserId) {
        return along(RECORD_ALONG, id, callerUserId, PatientReads::row);
    }

    /** {@link #findFacts} as a read along with the caller of a GET request. */
    public static CallerReadAlong.Read factsAlong(UUID id, UUID callerUserId) {
        return along(FACTS_ALONG, id, callerUserId, PatientReads::facts);
    }

    /** A read of this shape for one patient and caller; no patient (its id column null) reads as empty. */
    private static <T> CallerReadAlong.Read along(
            CallerReadAlong.Shape shape, UUID id, UUID callerUserId, Columns<T> columns) {
        return new CallerReadAlong.Read(
                shape,
                List.of(id.toString(), callerUserId.toString()),
                (rs, first) -> new Along<>(
                        shape,
                        id,
                        callerUserId,
                        rs.getString(first) == null ? Optional.empty() : Optional.of(columns.read(rs, first))));
    }

    /** What was read along with this request's caller in this shape for this patient and caller, if it was. */
    @SuppressWarnings("unchecked")
    private static <T> Optional<Optional<T>> takeAlong(CallerReadAlong.Shape shape, UUID id, UUID callerUserId) {
        return CallerReadAlong.take(
                        Along.class,
                        a -> a.shape() == shape
                                && a.patientId().equals(id)
                                && a.callerUserId().equals(callerUserId))
                .map(a -> (Optional<T>) a.value());
    }

    /** The columns of {@link #FACTS_COLUMNS}, the first at {@code first}. */
    private static PatientAccess.Facts facts(ResultSet rs, int first) throws SQLException {
        return new PatientAccess.Facts(
                uuid(rs.getString(first + 1)), rs.getBoolean(first + 2), rs.getBoolean(first + 3));
    }

    /** The columns of {@link #RECORD_COLUMNS}, the first at {@code first}. */
    private static PatientWithFacts row(ResultSet rs, int first) throws SQLException {
        int c = first - 1;
        String gender = rs.getString(c + 6);
        PatientView view = new PatientView(
                UUID.fromString(rs.getString(c + 1)),
                uuid(rs.getString(c + 2)),
                rs.getString(c + 3),
                rs.getString(c + 4),
                rs.getObject(c + 5, LocalDate.class),
                gender == null ? null : Gender.valueOf(gender),
                rs.getString(c + 7),
                rs.getString(c + 8),
                rs.getString(c + 9),
                rs.getString(c + 10),
                rs.getString(c + 11),
                instant(rs, c + 12),
                instant(rs, c + 13),
                rs.getLong(c + 14));
        return new PatientWithFacts(view, rs.getBoolean(c + 15), rs.getBoolean(c + 16));
    }

    /** One record with whether it is live and whether the caller is a doctor linked to it. */
    public record PatientWithFacts(PatientView view, boolean live, boolean linked) {}

    /** A value read along with a caller: its shape, the patient and the caller it was read for, and the value. */
    private record Along<T>(CallerReadAlong.Shape shape, UUID patientId, UUID callerUserId, Optional<T> value) {}

    /** Reads one shape's columns, the first at {@code first}. */
    @FunctionalInterface
    private interface Columns<T> {
        T read(ResultSet rs, int first) throws SQLException;
    }
}
