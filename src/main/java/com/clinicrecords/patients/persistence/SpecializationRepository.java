package com.clinicrecords.patients.persistence;

import com.clinicrecords.patients.domain.Specialization;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SpecializationRepository extends JpaRepository<Specialization, UUID> {

    List<Specialization> findAllByOrderByNameAsc();

    boolean existsByNameIgnoreCase(String name);

    java.util.Optional<Specialization> findByNameIgnoreCase(String name);

    @Query("select count(d) > 0 from Doctor d where d.specializationId = :id")
    boolean isInUse(@org.springframework.data.repository.query.Param("id") UUID id);
}
