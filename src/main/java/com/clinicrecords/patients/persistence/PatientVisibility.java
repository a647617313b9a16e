package com.clinicrecords.patients.persistence;

/**
 * JPQL pieces that let a module load a record together with the facts the access rule needs (the patient's
 * account, whether the patient is live, whether the caller's doctor profile is active and has an active link), so that
 * the access check and the read are one statement. The rule itself stays in
 * {@link com.clinicrecords.patients.domain.PatientAccess}. Each needs a {@code Patient p} in the query and a
 * {@code :userId} parameter (the caller).
 */
public final class PatientVisibility {

    /** Selects: the patient's account, whether the patient is live, whether the caller is a linked doctor. */
    public static final String FACTS = "p.userId, (case when p.deletedAt is null then true else false end), "
            + "(case when exists (select 1 from DoctorPatientLink l, Doctor d where d.id = l.id.doctorId "
            + "and d.userId = :userId and l.id.patientId = p.id and l.removedAt is null and d.active = true) "
            + "then true else false end)";

    private PatientVisibility() {}
}
