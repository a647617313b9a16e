package com.clinicrecords.analysis.domain;

import com.clinicrecords.identity.domain.User;
import com.clinicrecords.identity.domain.UserStatus;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.notifications.domain.EmailOutbox;
import com.clinicrecords.notifications.domain.InAppNotifications;
import com.clinicrecords.patients.domain.Patient;
import com.clinicrecords.patients.persistence.PatientRepository;
import org.springframework.stereotype.Component;

/**
 * Tells a patient that a result is ready, without any medical detail: an in-app notification and an email
 * through the outbox, both in the same transaction as the release. Patients without a login (or with a
 * disabled one) are skipped.
 */
@Component
class ResultRelease {

    static final String CATEGORY = "RESULT_READY";
    static final String EMAIL_SUBJECT = "A new result is available";
    static final String EMAIL_BODY = """
            Hello,

            A new result is available in your Clinic Records account. Please log in to view it.

            For your privacy this message does not contain any medical details.
            """;

    private final PatientRepository patients;
    private final UserRepository users;
    private final InAppNotifications notifications;
    private final EmailOutbox email;

    ResultRelease(
            PatientRepository patients, UserRepository users, InAppNotifications notifications, EmailOutbox email) {
        this.patients = patients;
        this.users = users;
        this.notifications = notifications;
        this.email = email;
    }

    void released(AnalysisResult result, boolean amendment) {
        patients.findLive(result.getPatientId())
                .map(Patient::getUserId)
                .flatMap(users::findById)
                .filter(user -> user.getStatus() == UserStatus.ACTIVE)
                .ifPresent(user -> tell(user, result, amendment));
    }

    private void tell(User user, AnalysisResult result, boolean amendment) {
        notifications.notify(
                user.getId(),
                CATEGORY,
                amendment ? "An updated result is available" : "A new result is available",
                "A new result is available in your records. Log in to view it.",
                "/api/results/" + result.getId());
        email.enqueue(user.getEmail(), EMAIL_SUBJECT, EMAIL_BODY);
    }
}
