package com.clinicrecords.patients;

import static com.clinicrecords.patients.PatientRecordsIntegrationTests.assertNotFound;
import static com.clinicrecords.patients.PatientRecordsIntegrationTests.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PUT /api/patients/{id}: field-group ownership, If-Match optimistic locking, validation, mass assignment. */
class PatientUpdateIntegrationTests extends CareTeamTest {

    @Test
    void shouldLetOnlyOwnersChangeTheirFieldGroupWhenUpdating() {
        ApiResponse current = api.get("/api/patients/" + patientA.patientId())
                .token(patientA.token())
                .send();
        Map<String, Object> body = body(current);
        body.put("insuranceNumber", "INS-1");
        ApiResponse byPatient = put(patientA.token(), current.header("ETag"), body);
        assertThat(byPatient.status()).as(byPatient.toString()).isEqualTo(200);
        assertThat(byPatient.text("insuranceNumber")).isEqualTo("INS-1");

        Map<String, Object> clinical = body(byPatient);
        clinical.put("diagnosis", "Flu");
        assertThat(put(patientA.token(), byPatient.header("ETag"), clinical).status())
                .isEqualTo(403);
        ApiResponse byDoctor = put(linked.token(), byPatient.header("ETag"), clinical);
        assertThat(byDoctor.status()).as(byDoctor.toString()).isEqualTo(200);
        assertThat(byDoctor.text("diagnosis")).isEqualTo("Flu");

        Map<String, Object> rename = body(byDoctor);
        rename.put("firstName", "Changed");
        assertThat(put(linked.token(), byDoctor.header("ETag"), rename).status())
                .isEqualTo(403);
        assertThat(put(fx.admin().accessToken(), byDoctor.header("ETag"), rename)
                        .status())
                .isEqualTo(200);
        assertNotFound(put(unlinked.token(), byDoctor.header("ETag"), rename));
        assertNotFound(put(patientB.token(), byDoctor.header("ETag"), rename));
    }

    @Test
    void shouldRejectLostUpdateWhenIfMatchIsStaleOrMissing() {
        ApiResponse current = api.get("/api/patients/" + patientA.patientId())
                .token(patientA.token())
                .send();
        String etag = current.header("ETag");
        Map<String, Object> first = body(current);
        first.put("insuranceNumber", "FIRST");
        assertThat(put(patientA.token(), etag, first).status()).isEqualTo(200);
        Map<String, Object> second = body(current);
        second.put("insuranceNumber", "SECOND");
        ApiResponse stale = put(fx.admin().accessToken(), etag, second);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.text("type")).isEqualTo("/problems/precondition-failed");
        ApiResponse missing = api.put("/api/patients/" + patientA.patientId())
                .token(patientA.token())
                .json(second)
                .send();
        assertThat(missing.status()).isEqualTo(428);
        assertThat(api.put("/api/patients/" + patientA.patientId())
                        .token(patientA.token())
                        .header("If-Match", "abc")
                        .json(second)
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void shouldRejectInvalidFieldsWhenUpdating() {
        ApiResponse current = api.get("/api/patients/" + patientA.patientId())
                .token(linked.token())
                .send();
        String etag = current.header("ETag");
        Map<String, Object> valid = body(current);
        Map<String, Object[]> invalid = new java.util.LinkedHashMap<>();
        invalid.put("firstName", new Object[] {" "});
        invalid.put("lastName", new Object[] {null});
        invalid.put("dateOfBirth", new Object[] {"2999-12-31", "tomorrow"});
        invalid.put("gender", new Object[] {"X"});
        invalid.put("insuranceNumber", new Object[] {"x".repeat(65)});
        invalid.put("room", new Object[] {"r".repeat(33)});
        invalid.put("bed", new Object[] {"b".repeat(33)});
        invalid.put("diagnosis", new Object[] {"d".repeat(4001), java.util.Map.of("a", 1)});
        invalid.put("prescribedMedicine", new Object[] {"m".repeat(4001), java.util.List.of("a")});
        invalid.forEach((field, values) -> {
            for (Object value : values) {
                Map<String, Object> body = new HashMap<>(valid);
                body.put(field, value);
                assertValidation(put(linked.token(), etag, body), field);
            }
        });
    }

    @Test
    void shouldIgnoreReadOnlyFieldsWhenUpdating() {
        ApiResponse current = api.get("/api/patients/" + patientA.patientId())
                .token(patientA.token())
                .send();
        Map<String, Object> body = body(current);
        body.put("userId", patientB.account().id().toString());
        body.put("id", patientB.patientId().toString());
        body.put("version", 99);
        body.put("deletedAt", "2020-01-01T00:00:00Z");
        ApiResponse updated = put(patientA.token(), current.header("ETag"), body);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("id")).isEqualTo(patientA.patientId().toString());
        assertThat(updated.text("userId")).isEqualTo(patientA.account().id().toString());
        assertThat(updated.raw()).doesNotContain("deleted");
    }

    private ApiResponse put(String token, String etag, Map<String, Object> body) {
        return api.put("/api/patients/" + patientA.patientId())
                .token(token)
                .header("If-Match", etag)
                .json(body)
                .send();
    }

    /** What a client sends back: the editable fields of a GET response. */
    static Map<String, Object> body(ApiResponse current) {
        Map<String, Object> body = new HashMap<>();
        for (String f : new String[] {
            "firstName",
            "lastName",
            "dateOfBirth",
            "gender",
            "insuranceNumber",
            "room",
            "bed",
            "diagnosis",
            "prescribedMedicine"
        }) {
            if (current.json().hasNonNull(f)) {
                body.put(f, current.json().path(f).asString());
            }
        }
        return body;
    }
}
