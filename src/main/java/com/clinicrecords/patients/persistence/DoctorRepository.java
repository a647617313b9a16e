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

    boolean existsByUserId(UUID userId);

    /** Doctors ordered by name, optionally only those with the given specialization (null = all). */
    @Query(
            value = SUMMARY + "where (:spec is null or d.specializationId = :spec) "
                    + "order by u.lastName, u.firstName, d.id",
            countQuery = "select count(d) from Doctor d where (:spec is null or d.specializationId = :spec)")
    Page<DoctorSummary> findSummaries(@Param("spec") UUID specializationId, Pageable pageable);

    @Query(SUMMARY + "where d.id = :id")
    Optional<DoctorSummary> findSummary(@Param("id") UUID id);

    /** Doctors with an active link to the patient. */
    @Query(SUMMARY + "join DoctorPatientLink l on l.id.doctorId = d.id where l.id.patientId = :patientId "
            + "and l.removedAt is null order by u.lastName, u.firstName")
    List<DoctorSummary> findLinkedTo(@Param("patientId") UUID patientId);
}
