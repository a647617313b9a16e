package com.clinicrecords.patients.persistence;

import static com.clinicrecords.shared.persistence.JdbcValues.instant;
import static com.clinicrecords.shared.persistence.JdbcValues.uuid;

import com.clinicrecords.patients.domain.Gender;
import com.clinicrecords.patients.domain.PatientAccess;
import com.clinicrecords.patients.domain.PatientView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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

    /** Whether the patient is live and whether the caller is linked, then the source: one patient by id. */
    private static final String LIVE_AND_LINKED_BY_ID = "p.deleted_at is null, " + PatientVisibility.CALLER_LINKED_SQL
            + " from patients p " + PatientVisibility.CALLER_LINK_OF_P_SQL + " where p.id = ?";

    private static final String WITH_FACTS = "select p.id, p.user_id, p.first_name, p.last_name, p.date_of_birth, "
            + "p.gender, p.insurance_number, p.room, p.bed, p.diagnosis, p.prescribed_medicine, p.created_at, "
            + "p.updated_at, p.version, " + LIVE_AND_LINKED_BY_ID;

    private static final String FACTS = "select p.user_id, " + LIVE_AND_LINKED_BY_ID;

    private final JdbcTemplate jdbc;

    public PatientReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The record and the access facts for the caller; empty when there is no such patient (deleted ones too). */
    public Optional<PatientWithFacts> findWithFacts(UUID id, UUID callerUserId) {
        return jdbc.query(WITH_FACTS, PatientReads::row, callerUserId.toString(), id.toString()).stream()
                .findFirst();
    }

    /**
     * Only the access facts of one patient for the caller, for a check before a write or a read of something
     * else (an upload, a booking); empty when there is no such patient.
     */
    public Optional<PatientAccess.Facts> findFacts(UUID id, UUID callerUserId) {
        return jdbc
                .query(
                        FACTS,
                        (rs, rowNum) ->
                                new PatientAccess.Facts(uuid(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3)),
                        callerUserId.toString(),
                        id.toString())
                .stream()
                .findFirst();
    }

    private static PatientWithFacts row(ResultSet rs, int rowNum) throws SQLException {
        String gender = rs.getString(6);
        PatientView view = new PatientView(
                UUID.fromString(rs.getString(1)),
                uuid(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, LocalDate.class),
                gender == null ? null : Gender.valueOf(gender),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                instant(rs, 12),
                instant(rs, 13),
                rs.getLong(14));
        return new PatientWithFacts(view, rs.getBoolean(15), rs.getBoolean(16));
    }

    /** One record with whether it is live and whether the caller is a doctor linked to it. */
    public record PatientWithFacts(PatientView view, boolean live, boolean linked) {}
}
