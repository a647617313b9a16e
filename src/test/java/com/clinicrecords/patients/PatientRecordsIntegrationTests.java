package com.clinicrecords.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class PatientRecordsIntegrationTests extends CareTeamTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldApplyReadMatrixWhenGettingPatient() {
        String path = "/api/patients/" + patientA.patientId();
        assertThat(api.get(path).token(patientA.token()).send().status()).isEqualTo(200);
        assertThat(api.get(path).token(linked.token()).send().status()).isEqualTo(200);
        assertThat(api.get(path).token(fx.admin().accessToken()).send().status())
                .isEqualTo(200);
        assertNotFound(api.get(path).token(patientB.token()).send());
        assertNotFound(api.get(path).token(unlinked.token()).send());
        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(api.get("/api/patients/" + patientA.patientId() + "/doctors")
                        .token(patientA.token())
                        .send()
                        .json()
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(linked.doctorId().toString());
        assertNotFound(api.get("/api/patients/" + patientA.patientId() + "/doctors")
                .token(patientB.token())
                .send());
        assertThat(api.get("/api/patients/not-a-uuid")
                        .token(patientA.token())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void shouldCarryETagAndAuditReadWhenGettingPatient() {
        ApiResponse read = api.get("/api/patients/" + patientA.patientId())
                .token(linked.token())
                .send();
        assertThat(read.header("ETag"))
                .isEqualTo("\"" + read.json().path("version").asLong() + "\"");
        Integer audited = jdbc.queryForObject(
                "select count(*) from audit_events where patient_id = ? and action = 'READ'"
                        + " and actor_user_id = ? and outcome = 'ALLOW'",
                Integer.class,
                patientA.patientId().toString(),
                linked.account().id().toString());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void shouldRemoveAccessOnNextRequestWhenLinkRemoved() {
        String path = "/api/patients/" + patientA.patientId();
        assertThat(api.get(path).token(linked.token()).send().status()).isEqualTo(200);
        fx.unlink(linked, patientA);
        assertNotFound(api.get(path).token(linked.token()).send());
        assertThat(api.get("/api/doctors/me/patients")
                        .token(linked.token())
                        .send()
                        .json()
                        .path("totalElements")
                        .asInt())
                .isZero();
        fx.link(linked, patientA);
        assertThat(api.get(path).token(linked.token()).send().status())
                .as("re-link re-activates")
                .isEqualTo(200);
        assertThat(api.delete("/api/admin/links/" + unlinked.doctorId() + "/" + patientA.patientId())
                        .token(fx.admin().accessToken())
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void shouldSoftDeleteKeepingRowAndHidingIt() {
        String path = "/api/patients/" + patientA.patientId();
        assertThat(api.delete(path)
                        .token(patientA.token())
                        .json(Map.of("reason", "x"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.delete(path)
                        .token(linked.token())
                        .json(Map.of("reason", "x"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertValidation(
                api.delete(path)
                        .token(fx.admin().accessToken())
                        .json(Map.of("reason", " "))
                        .send(),
                "reason");
        assertThat(api.delete(path)
                        .token(fx.admin().accessToken())
                        .json(Map.of("reason", "Duplicate record"))
                        .send()
                        .status())
                .isEqualTo(204);
        assertNotFound(api.get(path).token(fx.admin().accessToken()).send());
        assertNotFound(api.get(path).token(linked.token()).send());
        assertNotFound(api.get("/api/patients/me").token(patientA.token()).send());
        Map<String, Object> row = jdbc.queryForMap(
                "select deleted_at, deleted_by, delete_reason from patients where id = ?",
                patientA.patientId().toString());
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(row.get("deleted_by")).isEqualTo(fx.admin().id().toString());
        assertThat(row.get("delete_reason")).isEqualTo("Duplicate record");
    }

    @Test
    void shouldCancelOpenFutureAppointmentsWhenRecordIsDeleted() {
        java.time.Instant start = java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .plus(java.time.Duration.ofDays(6));
        Map<String, Object> booking = new HashMap<>(Map.of(
                "doctorId",
                linked.doctorId().toString(),
                "patientId",
                patientA.patientId().toString(),
                "startsAt",
                start.toString(),
                "endsAt",
                start.plusSeconds(1800).toString()));
        String id = api.post("/api/appointments")
                .token(patientA.token())
                .json(booking)
                .send()
                .text("id");
        assertThat(api.delete("/api/patients/" + patientA.patientId())
                        .token(fx.admin().accessToken())
                        .json(Map.of("reason", "Merged into another record"))
                        .send()
                        .status())
                .isEqualTo(204);
        // the appointments module reacts to the deletion after it committed (an event between modules)
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                jdbc.queryForObject("select status from appointments where id = ?", String.class, id))
                        .isEqualTo("CANCELLED"));
        fx.link(linked, patientB);
        booking.put("patientId", patientB.patientId().toString());
        assertThat(api.post("/api/appointments")
                        .token(patientB.token())
                        .json(booking)
                        .send()
                        .status())
                .as("the doctor's slot is free again")
                .isEqualTo(201);
    }

    @Test
    void shouldCreatePatientAsAdminAndValidateEveryField() {
        Map<String, Object> valid = Map.of(
                "firstName",
                "Ann",
                "lastName",
                "Lee",
                "dateOfBirth",
                "1990-05-01",
                "gender",
                "FEMALE",
                "insuranceNumber",
                "AB-123");
        ApiResponse created = api.post("/api/admin/patients")
                .token(fx.admin().accessToken())
                .json(valid)
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/patients/" + created.text("id"));
        assertThat(api.post("/api/admin/patients")
                        .token(patientA.token())
                        .json(valid)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/admin/patients")
                        .token(linked.token())
                        .json(valid)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/admin/patients").json(valid).send().status()).isEqualTo(401);

        assertValidation(createWith(valid, "firstName", ""), "firstName");
        assertValidation(createWith(valid, "lastName", "x".repeat(101)), "lastName");
        assertValidation(createWith(valid, "dateOfBirth", "2999-01-01"), "dateOfBirth");
        assertValidation(createWith(valid, "dateOfBirth", "01/05/1990"), "dateOfBirth");
        assertValidation(createWith(valid, "gender", "ROBOT"), "gender");
        assertValidation(createWith(valid, "insuranceNumber", "<script>"), "insuranceNumber");
        assertValidation(createWith(valid, "userId", "nope"), "userId");
        ApiResponse malformed = api.post("/api/admin/patients")
                .token(fx.admin().accessToken())
                .json("{\"firstName\":")
                .send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(createWith(valid, "userId", patientA.account().id().toString())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void shouldCreateOwnRecordOnFirstCallOnlyForPatients() {
        String email = "self-" + java.util.UUID.randomUUID() + "@example.test";
        assertThat(api.post("/api/auth/register")
                        .json(Map.of(
                                "email",
                                email,
                                "password",
                                com.clinicrecords.support.TestUsers.PASSWORD,
                                "firstName",
                                "Ada",
                                "lastName",
                                "Byron"))
                        .send()
                        .status())
                .isEqualTo(201);
        String token = api.post("/api/auth/login")
                .json(Map.of("email", email, "password", com.clinicrecords.support.TestUsers.PASSWORD))
                .send()
                .text("access_token");
        ApiResponse first = api.get("/api/patients/me").token(token).send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("firstName")).isEqualTo("Ada");
        assertThat(first.text("lastName")).isEqualTo("Byron");
        assertThat(api.get("/api/patients/me").token(token).send().text("id")).isEqualTo(first.text("id"));
        assertNotFound(api.get("/api/patients/me").token(linked.token()).send());
        assertThat(api.get("/api/patients/me").send().status()).isEqualTo(401);
    }

    @Test
    void shouldListDoctorsOwnPatientsPaged() {
        fx.link(linked, patientB);
        ApiResponse page =
                api.get("/api/doctors/me/patients?size=1").token(linked.token()).send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("totalElements").asInt()).isEqualTo(2);
        assertThat(page.json().path("content").size()).isEqualTo(1);
        assertThat(page.raw()).doesNotContain("diagnosis");
        ApiResponse last = api.get("/api/doctors/me/patients?size=1&page=1")
                .token(linked.token())
                .send();
        assertThat(last.json().path("totalElements").asInt()).isEqualTo(2);
        assertThat(last.json().path("content").get(0).path("id").asString())
                .isNotEqualTo(page.json().path("content").get(0).path("id").asString());
        assertThat(api.get("/api/doctors/me/patients")
                        .token(unlinked.token())
                        .send()
                        .json()
                        .path("totalElements")
                        .asInt())
                .isZero();
        assertThat(api.get("/api/doctors/me/patients?size=500")
                        .token(linked.token())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/doctors/me/patients").send().status()).isEqualTo(401);
    }

    @Test
    void shouldRestrictLinkAdministrationToLinkManagers() {
        Map<String, Object> body = Map.of(
                "doctorId",
                unlinked.doctorId().toString(),
                "patientId",
                patientB.patientId().toString());
        assertThat(api.post("/api/admin/links").json(body).send().status()).isEqualTo(401);
        assertThat(api.post("/api/admin/links")
                        .token(patientB.token())
                        .json(body)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/admin/links")
                        .token(unlinked.token())
                        .json(body)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.delete("/api/admin/links/" + linked.doctorId() + "/" + patientA.patientId())
                        .token(linked.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertValidation(
                api.post("/api/admin/links")
                        .token(fx.admin().accessToken())
                        .json(Map.of("doctorId", "x"))
                        .send(),
                "doctorId");
        assertValidation(
                api.post("/api/admin/links")
                        .token(fx.admin().accessToken())
                        .json(Map.of("doctorId", unlinked.doctorId().toString()))
                        .send(),
                "patientId");
        assertThat(api.post("/api/admin/links")
                        .token(fx.admin().accessToken())
                        .json(Map.of(
                                "doctorId",
                                unlinked.doctorId().toString(),
                                "patientId",
                                java.util.UUID.randomUUID().toString()))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    private ApiResponse createWith(Map<String, Object> valid, String field, Object value) {
        Map<String, Object> body = new HashMap<>(valid);
        body.put(field, value);
        return api.post("/api/admin/patients")
                .token(fx.admin().accessToken())
                .json(body)
                .send();
    }

    static void assertNotFound(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    static void assertValidation(ApiResponse response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").toString())
                .as(response.toString())
                .contains("\"" + field + "\"");
    }
}
