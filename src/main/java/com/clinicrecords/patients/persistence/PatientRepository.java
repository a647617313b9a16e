package com.clinicrecords.patients.persistence;

import com.clinicrecords.patients.domain.Patient;
import com.clinicrecords.patients.domain.PatientSummary;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PatientRepository extends JpaRepository<Patient, UUID> {

    /** A patient that has not been soft-deleted. */
    @Query("select p from Patient p where p.id = :id and p.deletedAt is null")
    Optional<Patient> findLive(@Param("id") UUID id);

    /**
     * The patient (soft-deleted ones too) with the access facts of the caller {@code userId}, in one statement:
     * {@code [Patient, ownerUserId, live, linkedToCaller]}; empty when there is no such row.
     */
    @Query("select p, " + PatientVisibility.FACTS + " from Patient p where p.id = :id")
    List<Object[]> findWithFacts(@Param("id") UUID id, @Param("userId") UUID userId);

    /** Only the access facts ({@code [ownerUserId, live, linkedToCaller]}), without the record. */
    @Query("select " + PatientVisibility.FACTS + " from Patient p where p.id = :id")
    List<Object[]> findFacts(@Param("id") UUID id, @Param("userId") UUID userId);

    @Query("select p from Patient p where p.userId = :userId and p.deletedAt is null")
    Optional<Patient> findLiveByUserId(@Param("userId") UUID userId);

    /** Whether the account has a patient record at all, soft-deleted ones included. */
    boolean existsByUserId(UUID userId);

    /** Live patients with an active link to the doctor profile owned by {@code doctorUserId}, by name. */
    @Query(
            value = "select new com.clinicrecords.patients.domain.PatientSummary(p.id, p.firstName, p.lastName, "
                    + "p.dateOfBirth, p.gender) from Patient p join DoctorPatientLink l on l.id.patientId = p.id "
                    + "join Doctor d on d.id = l.id.doctorId where d.userId = :doctorUserId and l.removedAt is null "
                    + "and p.deletedAt is null order by p.lastName, p.firstName, p.id",
            countQuery = "select count(p) from Patient p join DoctorPatientLink l on l.id.patientId = p.id "
                    + "join Doctor d on d.id = l.id.doctorId where d.userId = :doctorUserId and l.removedAt is null "
                    + "and p.deletedAt is null")
    Page<PatientSummary> findLinkedToDoctorUser(@Param("doctorUserId") UUID doctorUserId, Pageable pageable);
}
