package com.clinicrecords.identity.persistence;

import com.clinicrecords.identity.domain.AuthSession;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AuthSessionRepository extends JpaRepository<AuthSession, UUID> {

    @Query("select s from AuthSession s where s.userId = :userId and s.revokedAt is null "
            + "and s.absoluteExpiresAt > :now order by s.lastUsedAt desc")
    List<AuthSession> findOpenByUserId(@Param("userId") UUID userId, @Param("now") Instant now);

    /** Ends every open session of a user (logout everywhere, password change, account disabled). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update AuthSession s set s.revokedAt = :now, s.revokeReason = :reason "
            + "where s.userId = :userId and s.revokedAt is null")
    int revokeAllForUser(@Param("userId") UUID userId, @Param("now") Instant now, @Param("reason") String reason);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update AuthSession s set s.revokedAt = :now, s.revokeReason = :reason "
            + "where s.userId = :userId and s.revokedAt is null and s.id <> :keep")
    int revokeAllForUserExcept(
            @Param("userId") UUID userId,
            @Param("keep") UUID keep,
            @Param("now") Instant now,
            @Param("reason") String reason);
}
