package com.clinicrecords.shared.persistence;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers events between modules again whose listener failed (a deadlock, a database that was briefly away):
 * the event publication registry keeps such a publication as FAILED, and without this it would only be
 * delivered again when an instance starts. That work matters: cancelling the open appointments of a deactivated
 * doctor, a disabled account or a deleted patient record (with the notifications they send), and a deleted
 * patient's analysis jobs. Every listener is repeatable (it only changes what is still open), so a second
 * delivery changes nothing that the first did.
 *
 * <p>Only FAILED publications are taken (never one still being processed), at most {@value #BATCH} per run, on
 * one instance at a time; a publication is given up after {@value #MAX_ATTEMPTS} attempts (it stays in
 * EVENT_PUBLICATION for an operator, and the next start delivers it once more). Spring Modulith offers the
 * resubmission (FailedEventPublications) but does not schedule it.
 */
@Component
class FailedEventResubmission {

    private static final Logger log = LoggerFactory.getLogger(FailedEventResubmission.class);

    static final int BATCH = 100;
    static final int MAX_ATTEMPTS = 10;

    private final FailedEventPublications failed;
    private final Duration minAge;

    FailedEventResubmission(
            FailedEventPublications failed, @Value("${clinic.events.resubmit-min-age:30s}") Duration minAge) {
        this.failed = failed;
        this.minAge = minAge;
    }

    @Scheduled(
            initialDelayString = "${clinic.events.resubmit-interval:1m}",
            fixedDelayString = "${clinic.events.resubmit-interval:1m}")
    @SchedulerLock(name = "failed-event-resubmission", lockAtMostFor = "PT10M")
    void scheduledRun() {
        try {
            resubmit();
        } catch (RuntimeException e) {
            log.warn(
                    "Resubmitting failed event publications failed: {}",
                    e.getClass().getSimpleName());
        }
    }

    void resubmit() {
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(minAge)
                .withBatchSize(BATCH)
                .withFilter(publication -> publication.getCompletionAttempts() < MAX_ATTEMPTS));
    }
}
