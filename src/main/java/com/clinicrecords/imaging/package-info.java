/**
 * Imaging: medical images (streamed uploads, storage, downloads). Analysis plugs in through {@code AnalysisLeaseGate} and {@code ImageResultSummaries}, which the analysis module implements.
 */
@ApplicationModule(
        displayName = "Imaging",
        allowedDependencies = {"shared", "audit :: api", "patients :: api"})
package com.clinicrecords.imaging;

import org.springframework.modulith.ApplicationModule;
