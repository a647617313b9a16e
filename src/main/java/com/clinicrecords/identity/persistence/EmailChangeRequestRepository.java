package com.clinicrecords.identity.persistence;

import com.clinicrecords.identity.domain.EmailChangeRequest;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EmailChangeRequestRepository extends JpaRepository<EmailChangeRequest, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from EmailChangeRequest r where r.userId = :userId")
    Optional<EmailChangeRequest> findForUpdate(@Param("userId") UUID userId);
}
