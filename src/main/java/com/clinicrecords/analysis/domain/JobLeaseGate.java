package com.clinicrecords.analysis.domain;

import com.clinicrecords.analysis.persistence.AnalysisJobRepository;
import com.clinicrecords.imaging.domain.AnalysisLeaseGate;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets an analysis service see an image only while it holds a live lease on one of its jobs. */
@Component
class JobLeaseGate implements AnalysisLeaseGate {

    private final AnalysisJobRepository jobs;
    private final Clock clock;

    JobLeaseGate(AnalysisJobRepository jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean holdsLiveLease(UUID serviceClientId, UUID imageId) {
        return jobs.existsLiveLease(serviceClientId, imageId, clock.instant());
    }
}
