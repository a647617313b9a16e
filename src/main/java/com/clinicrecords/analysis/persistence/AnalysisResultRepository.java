package com.clinicrecords.analysis.persistence;

import com.clinicrecords.analysis.domain.AnalysisResult;
import com.clinicrecords.analysis.domain.ResultStatus;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AnalysisResultRepository extends JpaRepository<AnalysisResult, UUID> {

    List<AnalysisResult> findByImageIdAndStatusInOrderByCreatedAtDesc(UUID imageId, Collection<ResultStatus> statuses);

    List<AnalysisResult> findByImageIdInOrderByCreatedAtDesc(Collection<UUID> imageIds);

    Page<AnalysisResult> findByPatientIdAndStatusIn(
            UUID patientId, Collection<ResultStatus> statuses, Pageable pageable);
}
