package com.clinicrecords.analysis.domain;

import com.clinicrecords.analysis.persistence.AnalysisJobRepository;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.patients.domain.PatientDeletedEvent;
import java.time.Clock;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a patient record is deleted, its analysis jobs still waiting or running are cancelled, so no analysis
 * service receives that patient's images any more (a held lease ends: the holder's next heartbeat or completion
 * gets 409). Runs after the deletion committed, through the event publication registry; repeatable.
 */
@Component
class PatientDeletionJobs {

    private final AnalysisJobRepository jobs;
    private final AuditTrail audit;
    private final Clock clock;

    PatientDeletionJobs(AnalysisJobRepository jobs, AuditTrail audit, Clock clock) {
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PatientDeletedEvent event) {
        Instant now = clock.instant();
        for (AnalysisJob job : jobs.lockOpenOfPatient(event.patientId())) {
            job.cancel(now);
            audit.recordAs(
                    event.deletedBy(),
                    AuditEntry.allowed(AuditAction.UPDATE, AnalysisJobs.RESOURCE, job.getId(), event.patientId())
                            .withDetail("status=CANCELLED (patient record deleted)"));
        }
        jobs.flush();
    }
}
