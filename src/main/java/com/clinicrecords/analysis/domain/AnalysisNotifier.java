package com.clinicrecords.analysis.domain;

import com.clinicrecords.notifications.domain.InAppNotifications;
import com.clinicrecords.patients.persistence.PatientVisibility;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the doctors linked to the patient (active accounts, active links) that a machine result is waiting for
 * review or that the analysis finally failed. In the caller's transaction; no medical detail in the text.
 * Patients are told only when a doctor releases a result ({@link ResultRelease}).
 */
@Component
class AnalysisNotifier {

    static final String PRELIMINARY = "ANALYSIS_PRELIMINARY";
    static final String FAILED = "ANALYSIS_FAILED";

    private static final String LINKED_DOCTOR_USERS = "select d.user_id from " + PatientVisibility.ACTIVE_LINKS_SQL
            + " join users u on u.id = d.user_id where l.patient_id = ? and u.status = 'ACTIVE'";

    private final JdbcTemplate jdbc;
    private final InAppNotifications notifications;

    AnalysisNotifier(JdbcTemplate jdbc, InAppNotifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    void preliminaryResult(UUID patientId, UUID resultId) {
        for (UUID doctor : linkedDoctors(patientId)) {
            notifications.notify(
                    doctor,
                    PRELIMINARY,
                    "A preliminary analysis result is ready",
                    "An automatic analysis finished and waits for your review.",
                    "/api/results/" + resultId);
        }
    }

    void analysisFailed(UUID patientId, UUID imageId) {
        for (UUID doctor : linkedDoctors(patientId)) {
            notifications.notify(
                    doctor,
                    FAILED,
                    "Automatic analysis failed",
                    "The automatic analysis of an image failed after all retries. You can request a new run.",
                    "/api/images/" + imageId);
        }
    }

    private List<UUID> linkedDoctors(UUID patientId) {
        return jdbc.queryForList(LINKED_DOCTOR_USERS, String.class, patientId.toString()).stream()
                .map(UUID::fromString)
                .toList();
    }
}
