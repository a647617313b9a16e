package com.clinicrecords.patients.persistence;

import org.springframework.modulith.NamedInterface;

/**
 * JPQL pieces that let a module load a record together with the facts the access rule needs (the patient's
 * account, whether the patient is live, whether the caller's doctor profile is active and has an active link), so that
 * the access check and the read are one statement. The rule itself stays in
 * {@link com.clinicrecords.patients.domain.PatientAccess}. Each needs a {@code Patient p} in the query and a
 * {@code :userId} parameter (the caller).
 */
@NamedInterface("api")
public final class PatientVisibility {

    /**
     * The link rule in JPQL, up to the patient id it is about: followed by that id's expression and a closing
     * parenthesis. (Spelled as a constant prefix because the queries using it are annotation values.)
     */
    private static final String CALLER_LINKED_TO = "exists (select 1 from DoctorPatientLink l, Doctor d "
            + "where d.id = l.id.doctorId and d.userId = :userId and l.removedAt is null and d.active = true "
            + "and l.id.patientId = ";

    /** Selects: the patient's account, whether the patient is live, whether the caller is a linked doctor. */
    public static final String FACTS = "p.userId, (case when p.deletedAt is null then true else false end), "
            + "(case when " + CALLER_LINKED_TO + "p.id) then true else false end)";

    /**
     * Whether the caller ({@code :userId}) has an active doctor profile with an active link to the patient of an
     * {@code AnalysisResult r} (or any entity aliased {@code r} with a {@code patientId}): the same link rule as
     * {@link #FACTS}, for filtering many rows in one statement.
     */
    public static final String CALLER_LINKED_TO_R_PATIENT = CALLER_LINKED_TO + "r.patientId)";

    /**
     * The link rule in SQL, as a join source for plain-JDBC statements: the active links ({@code l}, with
     * {@code l.patient_id}) of active doctor profiles ({@code d}, with {@code d.id} and {@code d.user_id}). The
     * statement names the doctor (or the patient) in its own WHERE; a deactivated doctor or a removed link never
     * joins, so lists and notifications follow the same rule as single records.
     */
    public static final String ACTIVE_LINKS_SQL =
            "doctors d join doctor_patient_links l on l.doctor_id = d.id and l.removed_at is null and d.active = true";

    /**
     * The link rule of {@link #FACTS} in SQL, for the plain-JDBC reads ({@code PatientReads}) of one patient
     * {@code p}: joins, after {@code from patients p}, the caller's active doctor profile ({@code d}; the first
     * {@code ?} is the caller's user id) and that profile's active link to {@code p} ({@code l}). Select
     * {@link #CALLER_LINKED_SQL} to tell whether the caller is a linked doctor. Both joins are on unique keys
     * (a user has at most one doctor profile, a doctor at most one link per patient), so one patient stays one
     * row. Joins rather than {@code exists (...)}: the database then reads all three rows by key while planning,
     * which cost about 10 % less of its CPU for the whole statement on the load benchmark's 2M data (MariaDB, 93
     * against 103 µs). It is the rule of {@link #ACTIVE_LINKS_SQL} spelled again, as two left joins, because one
     * left join of that source cost 132 to 140 µs; the HTTP tests of a deactivated doctor and of a removed link
     * (PatientRecordsIntegrationTests, ClinicAdministrationIntegrationTests) hold both spellings to the rule.
     */
    public static final String CALLER_LINK_OF_P_SQL = "left join doctors d on d.user_id = ? and d.active = true "
            + "left join doctor_patient_links l on l.doctor_id = d.id and l.patient_id = p.id and l.removed_at is null";

    /** With {@link #CALLER_LINK_OF_P_SQL}: whether the caller is a doctor with an active link to {@code p}. */
    public static final String CALLER_LINKED_SQL = "l.doctor_id is not null";

    private PatientVisibility() {}
}
