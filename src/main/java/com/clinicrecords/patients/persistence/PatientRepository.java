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

    /** Only the access facts ({@code [ownerUserId, live, linkedToCaller]}), without the record. */
    @Query("select " + PatientVisibility.FACTS + " from Patient p where p.id = :id")
    List<Object[]> findFacts(@Param("id") UUID id, @Param("userId") UUID userId);

    @Query("select p from Patient p where p.userId = :userId and p.deletedAt is null")
    Optional<Patient> findLiveByUserId(@Param("userId") UUID userId);

    /** Whether the account has a patient record at all, soft-deleted ones included. */
    boolean existsByUserId(UUID userId);

    /**
     * The directory search: {@code like} (a LIKE pattern with '!' as escape, or null for everyone) against first
     * name, last name, "first last" and insurance number, or {@code dob} equal to the date of birth.
     */
    String MATCHES = "(:like is null or p.firstName like :like escape '!' or p.lastName like :like escape '!' "
            + "or concat(p.firstName, ' ', p.lastName) like :like escape '!' "
            + "or p.insuranceNumber like :like escape '!' or p.dateOfBirth = :dob) ";

    /**
     * Live patients with an active link to the (active) doctor profile owned by {@code doctorUserId}, matching the
     * search (see {@link #MATCHES}), by name.
     */
    @Query(
            value = "select new com.clinicrecords.patients.domain.PatientSummary(p.id, p.firstName, p.lastName, "
                    + "p.dateOfBirth, p.gender) from Patient p join DoctorPatientLink l on l.id.patientId = p.id "
                    + "join Doctor d on d.id = l.id.doctorId where d.userId = :doctorUserId and l.removedAt is null "
                    + "and d.active = true and p.deletedAt is null and " + MATCHES
                    + "order by p.lastName, p.firstName, p.id",
            countQuery = "select count(p) from Patient p join DoctorPatientLink l on l.id.patientId = p.id "
                    + "join Doctor d on d.id = l.id.doctorId where d.userId = :doctorUserId and l.removedAt is null "
                    + "and d.active = true and p.deletedAt is null and " + MATCHES)
    Page<PatientSummary> findLinkedToDoctorUser(
            @Param("doctorUserId") UUID doctorUserId,
            @Param("like") String like,
            @Param("dob") java.time.LocalDate dob,
            Pageable pageable);

    /** The admin directory: live patients matching the search (see {@link #MATCHES}), by name. */
    @Query(
            value = "select new com.clinicrecords.patients.domain.PatientDirectoryEntry(p.id, p.userId, p.firstName, "
                    + "p.lastName, p.dateOfBirth, p.gender, p.insuranceNumber) from Patient p "
                    + "where p.deletedAt is null and " + MATCHES + "order by p.lastName, p.firstName, p.id",
            countQuery = "select count(p) from Patient p where p.deletedAt is null and " + MATCHES)
    Page<com.clinicrecords.patients.domain.PatientDirectoryEntry> search(
            @Param("like") String like, @Param("dob") java.time.LocalDate dob, Pageable pageable);
}
