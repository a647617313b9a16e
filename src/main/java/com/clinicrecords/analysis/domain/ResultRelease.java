package com.clinicrecords.analysis.domain;

import com.clinicrecords.notifications.domain.InAppNotifications;
import com.clinicrecords.patients.domain.Patient;
import com.clinicrecords.patients.persistence.PatientRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells a patient that a result is ready, without any medical detail: an in-app notification in the same
 * transaction, and a {@link ResultReleasedEvent} for other channels (email). Patients without a login are
 * skipped.
 */
@Component
class ResultRelease {

    static final String CATEGORY = "RESULT_READY";

    private final PatientRepository patients;
    private final InAppNotifications notifications;
    private final ApplicationEventPublisher events;

    ResultRelease(PatientRepository patients, InAppNotifications notifications, ApplicationEventPublisher events) {
        this.patients = patients;
        this.notifications = notifications;
        this.events = events;
    }

    void released(AnalysisResult result, boolean amendment) {
        patients.findLive(result.getPatientId()).map(Patient::getUserId).ifPresent(userId -> {
            notifications.notify(userId, CATEGORY,
                    amendment ? "An updated result is available" : "A new result is available",
                    "A new result is available in your records. Log in to view it.",
                    "/api/results/" + result.getId());
            events.publishEvent(new ResultReleasedEvent(result.getId(), result.getPatientId(), userId,
                    result.getCurrentVersion(), amendment));
        });
    }
}
