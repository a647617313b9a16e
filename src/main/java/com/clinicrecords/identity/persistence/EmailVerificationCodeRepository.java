package com.clinicrecords.identity.persistence;

import com.clinicrecords.identity.domain.EmailVerificationCode;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EmailVerificationCodeRepository extends JpaRepository<EmailVerificationCode, UUID> {

    /** Locks the user's code row so concurrent guesses are counted one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from EmailVerificationCode c where c.userId = :userId")
    Optional<EmailVerificationCode> findForUpdate(@Param("userId") UUID userId);
}
