package com.clinicrecords.identity.persistence;

import com.clinicrecords.identity.domain.RefreshToken;
import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RefreshTokenRepository extends JpaRepository<RefreshToken, String> {

    /**
     * Marks a token used, atomically. Returns 1 for the one caller that wins; 0 means the token was already
     * used, which for a known hash is replay (or a lost race with another refresh of the same token).
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update RefreshToken t set t.usedAt = :now where t.tokenHash = :hash and t.usedAt is null")
    int markUsed(@Param("hash") String hash, @Param("now") Instant now);
}
