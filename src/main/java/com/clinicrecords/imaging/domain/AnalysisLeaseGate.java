package com.clinicrecords.imaging.domain;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * Least privilege for analysis services, implemented by the analysis module: an account with the
 * ANALYSIS_SERVICE role may see an image only while it holds a live lease on an analysis job of that image.
 */
@NamedInterface("api")
public interface AnalysisLeaseGate {

    boolean holdsLiveLease(UUID serviceAccountId, UUID imageId);
}
