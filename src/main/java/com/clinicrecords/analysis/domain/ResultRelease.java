package com.clinicrecords.analysis.domain;

import com.clinicrecords.identity.Account;
import com.clinicrecords.identity.IdentityApi;
import com.clinicrecords.notifications.domain.EmailOutbox;
import com.clinicrecords.notifications.domain.InAppNotifications;
import com.clinicrecords.patients.domain.ClinicDirectory;
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

    private final ClinicDirectory patients;
    private final IdentityApi identity;
    private final InAppNotifications notifications;
    private final EmailOutbox email;

    ResultRelease(ClinicDirectory patients, IdentityApi identity, InAppNotifications notifications, EmailOutbox email) {
        this.patients = patients;
        this.identity = identity;
        this.notifications = notifications;
        this.email = email;
    }

    void released(AnalysisResult result, boolean amendment) {
        patients.livePatient(result.getPatientId())
                .map(ClinicDirectory.Person::userId)
                .flatMap(identity::account)
                .filter(Account::active)
                .ifPresent(user -> tell(user, result, amendment));
    }

    private void tell(Account user, AnalysisResult result, boolean amendment) {
        notifications.notify(
                user.id(),
                CATEGORY,
                amendment ? "An updated result is available" : "A new result is available",
                "A new result is available in your records. Log in to view it.",
                "/api/results/" + result.getId());
        email.enqueue(user.email(), EMAIL_SUBJECT, EMAIL_BODY);
    }
}
