package com.clinicrecords.identity.persistence;

import com.clinicrecords.identity.domain.PasswordResetToken;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PasswordResetTokenRepository extends JpaRepository<PasswordResetToken, String> {

    /** Spends a token atomically: 1 for the single caller that wins, 0 if it was used or expired meanwhile. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update PasswordResetToken t set t.usedAt = :now "
            + "where t.tokenHash = :hash and t.usedAt is null and t.expiresAt > :now")
    int markUsed(@Param("hash") String hash, @Param("now") Instant now);

    /** Spends every open token of a user (a newer request or a completed password change supersedes them). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update PasswordResetToken t set t.usedAt = :now where t.userId = :userId and t.usedAt is null")
    int spendAllForUser(@Param("userId") UUID userId, @Param("now") Instant now);
}
