package com.clinicrecords.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers.Account;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8 item 7: a patient's access log names staff, but another patient who was refused shows only as
 * "another user". Auditors still see who it was. The refusals are written behind the requests; the access
 * log waits for those already queued, so it is read right after them here.
 */
class AccessLogPrivacyIntegrationTests extends IntegrationTest {

    @Test
    void shouldNameStaffButNotOtherRefusedPatientsInThePatientsOwnAccessLog() {
        Account patient = users.patient();
        Account curious = users.patient();
        Account doctor = users.doctor();
        String patientId =
                api.get("/api/patients/me").token(patient.accessToken()).send().text("id");
        assertThat(api.get("/api/patients/" + patientId)
                        .token(curious.accessToken())
                        .send()
                        .status())
                .isIn(403, 404);
        assertThat(api.get("/api/patients/" + patientId)
                        .token(doctor.accessToken())
                        .send()
                        .status())
                .isIn(403, 404);

        ApiResponse own = api.get("/api/patients/" + patientId + "/access-log")
                .token(patient.accessToken())
                .send();
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        List<JsonNode> denied = denied(own);
        assertThat(denied).hasSize(2);
        assertThat(denied)
                .anySatisfy(e -> {
                    assertThat(e.path("actorName").asString()).isEqualTo("another user");
                    assertThat(e.path("actorId").isMissingNode()).isTrue();
                    assertThat(e.path("actorRoles").isMissingNode()).isTrue();
                })
                .anySatisfy(e -> {
                    assertThat(e.path("actorId").asString())
                            .isEqualTo(doctor.id().toString());
                    assertThat(e.path("actorName").asString()).isEqualTo("Test User");
                });
        assertThat(own.raw()).doesNotContain(curious.id().toString());

        ApiResponse asAuditor = api.get("/api/patients/" + patientId + "/access-log")
                .token(users.admin().accessToken())
                .send();
        assertThat(asAuditor.raw()).contains(curious.id().toString());
    }

    private static List<JsonNode> denied(ApiResponse log) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : log.json().path("items")) {
            if ("DENY".equals(e.path("outcome").asString())) {
                out.add(e);
            }
        }
        return out;
    }
}
