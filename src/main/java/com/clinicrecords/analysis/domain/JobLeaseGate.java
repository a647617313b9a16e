package com.clinicrecords.analysis.domain;

import com.clinicrecords.analysis.persistence.AnalysisJobRepository;
import com.clinicrecords.analysis.persistence.ServiceClientRepository;
import com.clinicrecords.imaging.domain.AnalysisLeaseGate;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets a service client see an image only while it holds a live lease on one of its jobs. */
@Component
class JobLeaseGate implements AnalysisLeaseGate {

    private final ServiceClientRepository clients;
    private final AnalysisJobRepository jobs;
    private final Clock clock;

    JobLeaseGate(ServiceClientRepository clients, AnalysisJobRepository jobs, Clock clock) {
        this.clients = clients;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isServiceClient(UUID userId) {
        return clients.existsById(userId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean holdsLiveLease(UUID serviceClientId, UUID imageId) {
        return jobs.existsLiveLease(serviceClientId, imageId, clock.instant());
    }
}
