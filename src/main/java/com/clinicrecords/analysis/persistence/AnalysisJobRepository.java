package com.clinicrecords.analysis.persistence;

import com.clinicrecords.analysis.domain.AnalysisJob;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AnalysisJobRepository extends JpaRepository<AnalysisJob, UUID> {

    String CLAIMABLE =
            "((status = 'QUEUED' AND available_at <= :now) OR (status = 'LEASED' AND lease_expires_at <= :now))";

    /**
     * Locks up to {@code limit} claimable jobs (queued and due, or leased with an expired lease). Rows another
     * transaction has locked are skipped, so concurrent claims never get the same job. Inside a transaction only.
     */
    @Query(
            value = "SELECT * FROM analysis_jobs WHERE " + CLAIMABLE
                    + " ORDER BY available_at, id LIMIT :limit FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    List<AnalysisJob> lockClaimable(@Param("now") Instant now, @Param("limit") int limit);

    /** As {@link #lockClaimable}, only jobs of the given (upper-case) modalities. */
    @Query(
            value = "SELECT * FROM analysis_jobs WHERE " + CLAIMABLE
                    + " AND modality IN (:modalities) ORDER BY available_at, id LIMIT :limit FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    List<AnalysisJob> lockClaimable(
            @Param("now") Instant now, @Param("modalities") Collection<String> modalities, @Param("limit") int limit);

    /** Leased jobs whose lease ran out, for the sweeper. */
    @Query(
            value = "SELECT * FROM analysis_jobs WHERE status = 'LEASED' AND lease_expires_at <= :now "
                    + "ORDER BY lease_expires_at LIMIT :limit FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    List<AnalysisJob> lockExpired(@Param("now") Instant now, @Param("limit") int limit);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select j from AnalysisJob j where j.id = :id")
    Optional<AnalysisJob> lockById(@Param("id") UUID id);

    /** A patient's jobs still waiting or running, locked (index on patient_id, status). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select j from AnalysisJob j where j.patientId = :patientId and j.status in ("
            + "com.clinicrecords.analysis.domain.JobStatus.QUEUED, com.clinicrecords.analysis.domain.JobStatus.LEASED)")
    List<AnalysisJob> lockOpenOfPatient(@Param("patientId") UUID patientId);

    @Query("select j from AnalysisJob j where j.activeImageId = :imageId")
    Optional<AnalysisJob> findOpenForImage(@Param("imageId") UUID imageId);

    @Query("select count(j) > 0 from AnalysisJob j where j.leaseHolder = :clientId and j.imageId = :imageId "
            + "and j.status = com.clinicrecords.analysis.domain.JobStatus.LEASED and j.leaseExpiresAt > :now")
    boolean existsLiveLease(
            @Param("clientId") UUID clientId, @Param("imageId") UUID imageId, @Param("now") Instant now);

    List<AnalysisJob> findByImageIdOrderByCreatedAtDesc(UUID imageId);
}
