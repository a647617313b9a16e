package com.clinicrecords.analysis.persistence;

import com.clinicrecords.analysis.domain.AnalysisResult;
import com.clinicrecords.analysis.domain.ResultStatus;
import com.clinicrecords.patients.persistence.PatientVisibility;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AnalysisResultRepository extends JpaRepository<AnalysisResult, UUID> {

    /** A result with the caller's access facts in one statement: {@code [AnalysisResult, PatientVisibility.FACTS]}. */
    @Query("select r, " + PatientVisibility.FACTS + " from AnalysisResult r join Patient p on p.id = r.patientId "
            + "where r.id = :id")
    List<Object[]> findWithFacts(@Param("id") UUID id, @Param("userId") UUID userId);

    List<AnalysisResult> findByImageIdAndStatusInOrderByCreatedAtDesc(UUID imageId, Collection<ResultStatus> statuses);

    /**
     * The results of these images that the caller may see, in one statement: every one with {@code all} (admins,
     * analysis services), the released ones for everyone, and every one of a patient the caller cares for as a
     * linked doctor ({@code care}: the caller holds the doctor role and patients:care).
     */
    @Query("select r from AnalysisResult r where r.imageId in :imageIds and (:all = true or r.status in :released "
            + "or (:care = true and " + PatientVisibility.CALLER_LINKED_TO_R_PATIENT + ")) order by r.createdAt desc")
    List<AnalysisResult> findVisibleByImages(
            @Param("imageIds") Collection<UUID> imageIds,
            @Param("userId") UUID userId,
            @Param("all") boolean all,
            @Param("care") boolean care,
            @Param("released") Collection<ResultStatus> released);
    /** An image's results with their current versions, in one statement: {@code [AnalysisResult, version]}. */
    @Query("select r, v from AnalysisResult r, AnalysisResultVersion v where v.resultId = r.id "
            + "and v.versionNo = r.currentVersion and r.imageId = :imageId and r.status in :statuses "
            + "order by r.createdAt desc")
    List<Object[]> findCurrentByImage(
            @Param("imageId") UUID imageId, @Param("statuses") Collection<ResultStatus> statuses);

    /** A patient's results with their current versions, in one statement per page: {@code [AnalysisResult, version]}. */
    @Query(
            value = "select r, v from AnalysisResult r, AnalysisResultVersion v where v.resultId = r.id "
                    + "and v.versionNo = r.currentVersion and r.patientId = :patientId and r.status in :statuses",
            countQuery =
                    "select count(r) from AnalysisResult r where r.patientId = :patientId and r.status in :statuses")
    Page<Object[]> findCurrentByPatient(
            @Param("patientId") UUID patientId,
            @Param("statuses") Collection<ResultStatus> statuses,
            Pageable pageable);

    Page<AnalysisResult> findByPatientIdAndStatusIn(
            UUID patientId, Collection<ResultStatus> statuses, Pageable pageable);
}
