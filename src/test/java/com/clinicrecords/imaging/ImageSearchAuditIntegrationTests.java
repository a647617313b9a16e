package com.clinicrecords.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The image search audits each patient whose images it shows, once, as the caller (rows written as one batch). */
class ImageSearchAuditIntegrationTests extends ImagingTestSupport {

    @Test
    void shouldAuditEachPatientShownOnceAndNoneWhenNothingIsShown() {
        PatientAccount first = clinic.patient();
        PatientAccount second = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(first);
        clinic.link(doctor, second);
        uploadedPng(doctor, first);
        uploadedPng(doctor, first);
        uploadedPng(doctor, second);

        String requestId = "image-search-" + UUID.randomUUID();
        ApiResponse found = api.get("/api/images")
                .token(doctor.token())
                .header("X-Request-Id", requestId)
                .send();
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("content").size()).isEqualTo(3);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(rows(requestId))
                        .as("one row per patient shown")
                        .extracting(row -> row.get("patient_id"))
                        .containsExactlyInAnyOrder(
                                first.patientId().toString(), second.patientId().toString()));
        assertThat(rows(requestId)).allSatisfy(row -> {
            assertThat(row.get("actor_user_id")).isEqualTo(doctor.account().id().toString());
            assertThat(row.get("actor_roles")).isEqualTo("DOCTOR");
            assertThat(row.get("outcome")).isEqualTo("ALLOW");
            assertThat(row.get("resource_id")).isNull();
        });

        String emptyId = "image-search-" + UUID.randomUUID();
        ApiResponse none = api.get("/api/images?modality=NONE-"
                        + UUID.randomUUID().toString().substring(0, 8))
                .token(doctor.token())
                .header("X-Request-Id", emptyId)
                .send();
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        assertThat(none.json().path("content").size()).isZero();
        assertThat(rows(emptyId)).isEmpty();
    }

    private List<Map<String, Object>> rows(String requestId) {
        return jdbc.queryForList(
                "select patient_id, actor_user_id, actor_roles, outcome, resource_id from audit_events "
                        + "where request_id = ? and action = 'LIST' and resource_type = 'IMAGE' "
                        + "and detail = 'image search'",
                requestId);
    }
}
