package com.clinicrecords.patients.persistence;

import com.clinicrecords.patients.domain.Doctor;
import com.clinicrecords.patients.domain.DoctorSummary;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DoctorRepository extends JpaRepository<Doctor, UUID> {

    String SUMMARY = "select new com.clinicrecords.patients.domain.DoctorSummary(d.id, u.firstName, u.lastName, "
            + "s.id, s.name) from Doctor d join User u on u.id = d.userId "
            + "left join Specialization s on s.id = d.specializationId ";

    Optional<Doctor> findByUserId(UUID userId);

    @Query("select count(d) > 0 from Doctor d join User u on u.id = d.userId where d.id = :id and " + BOOKABLE)
    boolean isBookable(@Param("id") UUID id);

    boolean existsByUserId(UUID userId);

    /**
     * Whether a doctor profile with this id exists (deactivated ones included). A declared query, so unlike the
     * inherited existsById it opens no read-only transaction of its own (five round trips around one select).
     */
    @Query("select count(d) > 0 from Doctor d where d.id = :id")
    boolean isProfile(@Param("id") UUID id);

    /** Bookable: the profile is active and its account is not disabled. */
    String BOOKABLE = "d.active = true and u.status = com.clinicrecords.identity.domain.UserStatus.ACTIVE ";

    /**
     * Bookable doctors ordered by name, optionally only those with the given specialization (null = all);
     * deactivated doctors and disabled accounts are left out.
     */
    @Query(
            value = SUMMARY + "where (:spec is null or d.specializationId = :spec) and " + BOOKABLE
                    + "order by u.lastName, u.firstName, d.id",
            countQuery = "select count(d) from Doctor d join User u on u.id = d.userId "
                    + "where (:spec is null or d.specializationId = :spec) and " + BOOKABLE)
    Page<DoctorSummary> findSummaries(@Param("spec") UUID specializationId, Pageable pageable);

    @Query(SUMMARY + "where d.id = :id")
    Optional<DoctorSummary> findSummary(@Param("id") UUID id);

    /** Doctors with an active link to the patient (deactivated doctors have no access and are left out). */
    @Query(SUMMARY + "join DoctorPatientLink l on l.id.doctorId = d.id where l.id.patientId = :patientId "
            + "and l.removedAt is null and d.active = true order by u.lastName, u.firstName")
    List<DoctorSummary> findLinkedTo(@Param("patientId") UUID patientId);
}
