package com.clinicrecords.imaging.domain;

import java.util.UUID;

/**
 * Least privilege for analysis service clients, implemented by the analysis module: a service client may see an
 * image only while it holds a live lease on an analysis job of that image. Accounts that are not service clients
 * are not affected.
 */
public interface AnalysisLeaseGate {

    boolean isServiceClient(UUID userId);

    boolean holdsLiveLease(UUID serviceClientId, UUID imageId);
}
