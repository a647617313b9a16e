package com.clinicrecords.analysis.persistence;

import com.clinicrecords.analysis.domain.AnalysisResultVersion;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AnalysisResultVersionRepository extends JpaRepository<AnalysisResultVersion, UUID> {

    List<AnalysisResultVersion> findByResultIdOrderByVersionNo(UUID resultId);

    Optional<AnalysisResultVersion> findByResultIdAndVersionNo(UUID resultId, int versionNo);
}
