package com.clinicrecords.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers.Account;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The coarse columns of the authorization matrix for every clinical endpoint: anonymous callers get 401,
 * and patients and doctors calling administrative endpoints get 403 (checked before any lookup, so even
 * unknown ids give 403, not 404). Record-level 404s are covered by each module's own tests.
 */
class ClinicalEndpointGuardTests extends IntegrationTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final String ID2 = UUID.randomUUID().toString();

    private static final List<String[]> ALL = List.of(
            new String[] {"GET", "/api/specializations"},
            new String[] {"POST", "/api/admin/specializations"},
            new String[] {"DELETE", "/api/admin/specializations/" + ID},
            new String[] {"POST", "/api/admin/doctors"},
            new String[] {"GET", "/api/doctors"},
            new String[] {"GET", "/api/doctors/" + ID},
            new String[] {"GET", "/api/doctors/me"},
            new String[] {"GET", "/api/doctors/me/patients"},
            new String[] {"GET", "/api/doctors/me/appointments?from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z"},
            new String[] {"GET", "/api/doctors/" + ID + "/working-hours"},
            new String[] {"PUT", "/api/doctors/" + ID + "/working-hours"},
            new String[] {
                "GET", "/api/doctors/" + ID + "/availability?from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z"
            },
            new String[] {"POST", "/api/admin/patients"},
            new String[] {"GET", "/api/patients/me"},
            new String[] {"GET", "/api/patients/" + ID},
            new String[] {"PUT", "/api/patients/" + ID},
            new String[] {"DELETE", "/api/patients/" + ID},
            new String[] {"GET", "/api/patients/" + ID + "/doctors"},
            new String[] {"POST", "/api/admin/links"},
            new String[] {"DELETE", "/api/admin/links/" + ID + "/" + ID2},
            new String[] {"POST", "/api/patients/" + ID + "/visits"},
            new String[] {"GET", "/api/patients/" + ID + "/visits"},
            new String[] {"GET", "/api/visits/" + ID},
            new String[] {"POST", "/api/appointments"},
            new String[] {"GET", "/api/appointments"},
            new String[] {"GET", "/api/appointments/" + ID},
            new String[] {"PUT", "/api/appointments/" + ID},
            new String[] {"POST", "/api/appointments/" + ID + "/cancel"},
            new String[] {"POST", "/api/appointments/" + ID + "/confirm"},
            new String[] {"POST", "/api/appointments/" + ID + "/complete"},
            new String[] {"POST", "/api/appointments/" + ID + "/no-show"},
            new String[] {"GET", "/api/notifications"},
            new String[] {"GET", "/api/notifications/unread-count"},
            new String[] {"POST", "/api/notifications/" + ID + "/read"},
            new String[] {"POST", "/api/notifications/read-all"});

    /** Administrative endpoints: role-level denial for patients and doctors. */
    private static final List<String[]> ADMIN_ONLY = List.of(
            new String[] {"POST", "/api/admin/specializations"},
            new String[] {"DELETE", "/api/admin/specializations/" + ID},
            new String[] {"POST", "/api/admin/doctors"},
            new String[] {"POST", "/api/admin/patients"},
            new String[] {"DELETE", "/api/patients/" + ID},
            new String[] {"POST", "/api/admin/links"},
            new String[] {"DELETE", "/api/admin/links/" + ID + "/" + ID2});

    @Test
    void shouldAnswer401WithProblemDetailsWhenAnonymous() {
        for (String[] endpoint : ALL) {
            ApiResponse response = call(endpoint, null);
            assertThat(response.status()).as("%s %s", endpoint[0], endpoint[1]).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void shouldAnswer403WhenPatientOrDoctorCallsAdministrativeEndpoint() {
        Account patient = users.patient();
        Account doctor = users.doctor();
        for (String[] endpoint : ADMIN_ONLY) {
            for (Account caller : List.of(patient, doctor)) {
                ApiResponse response = call(endpoint, caller.accessToken());
                assertThat(response.status())
                        .as("%s %s as %s", endpoint[0], endpoint[1], caller.email())
                        .isEqualTo(403);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void shouldDocumentEveryClinicalEndpointInOpenApi() {
        ApiResponse docs = api.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        for (String[] endpoint : ALL) {
            String template = endpoint[1]
                    .replaceAll("\\?.*", "")
                    .replace(ID2, "{patientId}")
                    .replace("/api/admin/links/" + ID, "/api/admin/links/{doctorId}")
                    .replace(ID, "{id}");
            assertThat(docs.json().path("paths").has(template)).as(template).isTrue();
        }
    }

    private ApiResponse call(String[] endpoint, String token) {
        Map<String, Object> body = Map.of(
                "reason",
                "r",
                "name",
                "n",
                "userId",
                ID,
                "doctorId",
                ID,
                "patientId",
                ID2,
                "firstName",
                "A",
                "lastName",
                "B");
        ApiClient.Call call = switch (endpoint[0]) {
            case "GET" -> api.get(endpoint[1]);
            case "PUT" -> api.put(endpoint[1]).json(body);
            case "DELETE" -> api.delete(endpoint[1]).json(body);
            default -> api.post(endpoint[1]).json(body);
        };
        return call.token(token).send();
    }
}
