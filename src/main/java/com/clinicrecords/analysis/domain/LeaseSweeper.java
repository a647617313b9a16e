package com.clinicrecords.analysis.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts jobs with an expired lease back in the queue even when nobody claims (claims also take expired jobs).
 * Safe on several instances: the rows are locked with {@code FOR UPDATE SKIP LOCKED}.
 */
@Component
class LeaseSweeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseSweeper.class);

    private final AnalysisJobs jobs;

    LeaseSweeper(AnalysisJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(
            fixedDelayString = "${clinic.analysis.sweep-interval:30s}",
            initialDelayString = "${clinic.analysis.sweep-interval:30s}")
    void scheduledRun() {
        try {
            jobs.expireLeases();
        } catch (RuntimeException e) {
            log.warn("Lease sweep failed: {}", e.getClass().getSimpleName());
        }
    }
}
