package com.clinicrecords.patients.persistence;

import com.clinicrecords.patients.domain.Visit;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VisitRepository extends JpaRepository<Visit, UUID> {

    /** A patient's visits, newest first (ties broken by id so paging is stable). */
    Page<Visit> findByPatientIdOrderByVisitedAtDescIdDesc(UUID patientId, Pageable pageable);
}
