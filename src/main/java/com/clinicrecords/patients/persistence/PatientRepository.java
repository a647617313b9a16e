package com.clinicrecords.patients.persistence;

import com.clinicrecords.patients.domain.Patient;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PatientRepository extends JpaRepository<Patient, UUID> {

    /** A patient that has not been soft-deleted. */
    @Query("select p from Patient p where p.id = :id and p.deletedAt is null")
    Optional<Patient> findLive(@Param("id") UUID id);

    @Query("select p from Patient p where p.userId = :userId and p.deletedAt is null")
    Optional<Patient> findLiveByUserId(@Param("userId") UUID userId);

    /** Whether the account has a patient record at all, soft-deleted ones included. */
    boolean existsByUserId(UUID userId);
}
