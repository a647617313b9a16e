package com.clinicrecords.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class PatientRecordsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    ClinicFixtures fx;
    PatientAccount patientA;
    PatientAccount patientB;
    DoctorAccount linked;
    DoctorAccount unlinked;

    @BeforeEach
    void setUp() {
        fx = new ClinicFixtures(api, users);
        patientA = fx.patient();
        patientB = fx.patient();
        linked = fx.doctor();
        unlinked = fx.doctor();
        fx.link(linked, patientA);
    }

    @Test
    void shouldApplyReadMatrixWhenGettingPatient() {
        String path = "/api/patients/" + patientA.patientId();
        assertThat(api.get(path).token(patientA.token()).send().status()).isEqualTo(200);
        assertThat(api.get(path).token(linked.token()).send().status()).isEqualTo(200);
        assertThat(api.get(path).token(fx.admin().accessToken()).send().status()).isEqualTo(200);
        assertNotFound(api.get(path).token(patientB.token()).send());
        assertNotFound(api.get(path).token(unlinked.token()).send());
        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(api.get("/api/patients/" + patientA.patientId() + "/doctors").token(patientA.token()).send()
                .json().get(0).path("id").asString()).isEqualTo(linked.doctorId().toString());
        assertNotFound(api.get("/api/patients/" + patientA.patientId() + "/doctors").token(patientB.token()).send());
        assertThat(api.get("/api/patients/not-a-uuid").token(patientA.token()).send().status()).isEqualTo(400);
    }

    @Test
    void shouldCarryETagAndAuditReadWhenGettingPatient() {
        ApiResponse read = api.get("/api/patients/" + patientA.patientId()).token(linked.token()).send();
        assertThat(read.header("ETag")).isEqualTo("\"" + read.json().path("version").asLong() + "\"");
        Integer audited = jdbc.queryForObject("select count(*) from audit_events where patient_id = ? and action = 'READ'"
                + " and actor_user_id = ? and outcome = 'ALLOW'", Integer.class, patientA.patientId().toString(),
                linked.account().id().toString());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void shouldRemoveAccessOnNextRequestWhenLinkRemoved() {
        String path = "/api/patients/" + patientA.patientId();
        assertThat(api.get(path).token(linked.token()).send().status()).isEqualTo(200);
        fx.unlink(linked, patientA);
        assertNotFound(api.get(path).token(linked.token()).send());
        assertThat(api.get("/api/doctors/me/patients").token(linked.token()).send().json().path("totalElements").asInt())
                .isZero();
        fx.link(linked, patientA);
        assertThat(api.get(path).token(linked.token()).send().status()).as("re-link re-activates").isEqualTo(200);
        assertThat(api.delete("/api/admin/links/" + unlinked.doctorId() + "/" + patientA.patientId())
                .token(fx.admin().accessToken()).send().status()).isEqualTo(404);
    }

    @Test
    void shouldLetOnlyOwnersChangeTheirFieldGroupWhenUpdating() {
        ApiResponse current = api.get("/api/patients/" + patientA.patientId()).token(patientA.token()).send();
        Map<String, Object> body = body(current);
        body.put("insuranceNumber", "INS-1");
        ApiResponse byPatient = put(patientA.token(), current.header("ETag"), body);
        assertThat(byPatient.status()).as(byPatient.toString()).isEqualTo(200);
        assertThat(byPatient.text("insuranceNumber")).isEqualTo("INS-1");

        Map<String, Object> clinical = body(byPatient);
        clinical.put("diagnosis", "Flu");
        assertThat(put(patientA.token(), byPatient.header("ETag"), clinical).status()).isEqualTo(403);
        ApiResponse byDoctor = put(linked.token(), byPatient.header("ETag"), clinical);
        assertThat(byDoctor.status()).as(byDoctor.toString()).isEqualTo(200);
        assertThat(byDoctor.text("diagnosis")).isEqualTo("Flu");

        Map<String, Object> rename = body(byDoctor);
        rename.put("firstName", "Changed");
        assertThat(put(linked.token(), byDoctor.header("ETag"), rename).status()).isEqualTo(403);
        assertThat(put(fx.admin().accessToken(), byDoctor.header("ETag"), rename).status()).isEqualTo(200);
        assertNotFound(put(unlinked.token(), byDoctor.header("ETag"), rename));
        assertNotFound(put(patientB.token(), byDoctor.header("ETag"), rename));
    }

    @Test
    void shouldRejectLostUpdateWhenIfMatchIsStaleOrMissing() {
        ApiResponse current = api.get("/api/patients/" + patientA.patientId()).token(patientA.token()).send();
        String etag = current.header("ETag");
        Map<String, Object> first = body(current);
        first.put("insuranceNumber", "FIRST");
        assertThat(put(patientA.token(), etag, first).status()).isEqualTo(200);
        Map<String, Object> second = body(current);
        second.put("insuranceNumber", "SECOND");
        ApiResponse stale = put(fx.admin().accessToken(), etag, second);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.text("type")).isEqualTo("/problems/precondition-failed");
        ApiResponse missing = api.put("/api/patients/" + patientA.patientId()).token(patientA.token()).json(second).send();
        assertThat(missing.status()).isEqualTo(428);
        assertThat(api.put("/api/patients/" + patientA.patientId()).token(patientA.token()).header("If-Match", "abc")
                .json(second).send().status()).isEqualTo(400);
    }

    @Test
    void shouldSoftDeleteKeepingRowAndHidingIt() {
        String path = "/api/patients/" + patientA.patientId();
        assertThat(api.delete(path).token(patientA.token()).json(Map.of("reason", "x")).send().status())
                .isEqualTo(403);
        assertThat(api.delete(path).token(linked.token()).json(Map.of("reason", "x")).send().status())
                .isEqualTo(403);
        assertValidation(api.delete(path).token(fx.admin().accessToken()).json(Map.of("reason", " ")).send(), "reason");
        assertThat(api.delete(path).token(fx.admin().accessToken()).json(Map.of("reason", "Duplicate record")).send()
                .status()).isEqualTo(204);
        assertNotFound(api.get(path).token(fx.admin().accessToken()).send());
        assertNotFound(api.get(path).token(linked.token()).send());
        assertNotFound(api.get("/api/patients/me").token(patientA.token()).send());
        Map<String, Object> row = jdbc.queryForMap("select deleted_at, deleted_by, delete_reason from patients where id = ?",
                patientA.patientId().toString());
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(row.get("deleted_by")).isEqualTo(fx.admin().id().toString());
        assertThat(row.get("delete_reason")).isEqualTo("Duplicate record");
    }

    @Test
    void shouldCreatePatientAsAdminAndValidateEveryField() {
        Map<String, Object> valid = Map.of("firstName", "Ann", "lastName", "Lee", "dateOfBirth", "1990-05-01",
                "gender", "FEMALE", "insuranceNumber", "AB-123");
        ApiResponse created = api.post("/api/admin/patients").token(fx.admin().accessToken()).json(valid).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/patients/" + created.text("id"));
        assertThat(api.post("/api/admin/patients").token(patientA.token()).json(valid).send().status()).isEqualTo(403);
        assertThat(api.post("/api/admin/patients").token(linked.token()).json(valid).send().status()).isEqualTo(403);
        assertThat(api.post("/api/admin/patients").json(valid).send().status()).isEqualTo(401);

        assertValidation(createWith(valid, "firstName", ""), "firstName");
        assertValidation(createWith(valid, "lastName", "x".repeat(101)), "lastName");
        assertValidation(createWith(valid, "dateOfBirth", "2999-01-01"), "dateOfBirth");
        assertValidation(createWith(valid, "dateOfBirth", "01/05/1990"), "dateOfBirth");
        assertValidation(createWith(valid, "gender", "ROBOT"), "gender");
        assertValidation(createWith(valid, "insuranceNumber", "<script>"), "insuranceNumber");
        assertValidation(createWith(valid, "userId", "nope"), "userId");
        ApiResponse malformed = api.post("/api/admin/patients").token(fx.admin().accessToken()).json("{\"firstName\":").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(createWith(valid, "userId", patientA.account().id().toString()).status()).isEqualTo(409);
    }

    private ApiResponse createWith(Map<String, Object> valid, String field, Object value) {
        Map<String, Object> body = new HashMap<>(valid);
        body.put(field, value);
        return api.post("/api/admin/patients").token(fx.admin().accessToken()).json(body).send();
    }

    private ApiResponse put(String token, String etag, Map<String, Object> body) {
        return api.put("/api/patients/" + patientA.patientId()).token(token).header("If-Match", etag).json(body).send();
    }

    private static Map<String, Object> body(ApiResponse current) {
        Map<String, Object> body = new HashMap<>();
        for (String f : new String[] {"firstName", "lastName", "dateOfBirth", "gender", "insuranceNumber", "room",
                "bed", "diagnosis", "prescribedMedicine"}) {
            if (current.json().hasNonNull(f)) {
                body.put(f, current.json().path(f).asString());
            }
        }
        return body;
    }

    static void assertNotFound(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    static void assertValidation(ApiResponse response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").toString()).as(response.toString()).contains("\"" + field + "\"");
    }
}
