package com.clinicrecords.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.AtOnce;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers.Account;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13 item 9: every create-if-absent path answers 10 concurrent identical calls with the same success,
 * never 409 or 500, and leaves exactly one row behind.
 */
class ConcurrentCreateIntegrationTests extends IntegrationTest {

    private static final int CALLS = 10;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldCreateOnePatientRecordForConcurrentFirstCallsOfPatientsMe() {
        Account patient = users.patient();
        List<ApiResponse> responses = AtOnce.copies(
                CALLS,
                () -> api.get("/api/patients/me").token(patient.accessToken()).send());
        assertAllSame(responses, 200);
        assertThat(count("select count(*) from patients where user_id = ?", patient.id()))
                .isEqualTo(1);
    }

    @Test
    void shouldLinkOnceForConcurrentIdenticalLinkRequests() {
        ClinicFixtures clinic = new ClinicFixtures(api, users);
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.doctor();
        String admin = clinic.admin().accessToken();
        Map<String, String> body = Map.of(
                "doctorId",
                doctor.doctorId().toString(),
                "patientId",
                patient.patientId().toString());
        assertAllSame(
                AtOnce.copies(
                        CALLS,
                        () -> api.post("/api/admin/links")
                                .token(admin)
                                .json(body)
                                .send()),
                201);
        assertThat(count(
                        "select count(*) from doctor_patient_links where doctor_id = ? and patient_id = ?",
                        doctor.doctorId(),
                        patient.patientId()))
                .isEqualTo(1);
    }

    @Test
    void shouldCreateOneDoctorProfileAndGrantTheRoleOnceForConcurrentIdenticalCalls() {
        ClinicFixtures clinic = new ClinicFixtures(api, users);
        String admin = clinic.admin().accessToken();
        Account account = users.patient();
        List<ApiResponse> responses = AtOnce.copies(
                CALLS,
                () -> api.post("/api/admin/doctors")
                        .token(admin)
                        .json(Map.of("userId", account.id().toString()))
                        .send());
        assertAllSame(responses, 201);
        assertThat(responses)
                .extracting(r -> r.text("id"))
                .containsOnly(responses.get(0).text("id"));
        assertThat(count("select count(*) from doctors where user_id = ?", account.id()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from user_roles where user_id = ? and role_id = "
                                + "'00000000-0000-0000-0000-000000000002'",
                        account.id()))
                .isEqualTo(1);
    }

    @Test
    void shouldCreateOnePatientRecordForConcurrentIdenticalAdminCalls() {
        ClinicFixtures clinic = new ClinicFixtures(api, users);
        String admin = clinic.admin().accessToken();
        Account account = users.patient();
        Map<String, String> body = Map.of(
                "userId", account.id().toString(), "firstName", "Ada", "lastName", "Lovelace", "gender", "FEMALE");
        List<ApiResponse> responses = AtOnce.copies(
                CALLS,
                () -> api.post("/api/admin/patients").token(admin).json(body).send());
        assertAllSame(responses, 201);
        assertThat(responses)
                .extracting(r -> r.text("id"))
                .containsOnly(responses.get(0).text("id"));
        assertThat(count("select count(*) from patients where user_id = ?", account.id()))
                .isEqualTo(1);
    }

    @Test
    void shouldCreateOneSpecializationForConcurrentIdenticalCalls() {
        String admin = users.admin().accessToken();
        String name = "Parallel " + UUID.randomUUID();
        List<ApiResponse> responses = AtOnce.copies(
                CALLS,
                () -> api.post("/api/admin/specializations")
                        .token(admin)
                        .json(Map.of("name", name))
                        .send());
        assertAllSame(responses, 201);
        assertThat(responses)
                .extracting(r -> r.text("id"))
                .containsOnly(responses.get(0).text("id"));
        assertThat(jdbc.queryForObject("select count(*) from specializations where name = ?", Long.class, name))
                .isEqualTo(1);
    }

    @Test
    void shouldGrantRolesOnceForConcurrentIdenticalRoleChanges() {
        String admin = users.admin().accessToken();
        Account account = users.patient();
        List<ApiResponse> responses = AtOnce.copies(
                CALLS,
                () -> api.put("/api/admin/users/" + account.id() + "/roles")
                        .token(admin)
                        .json(Map.of("roles", List.of("PATIENT", "DOCTOR")))
                        .send());
        assertAllSame(responses, 200);
        assertThat(count("select count(*) from user_roles where user_id = ?", account.id()))
                .isEqualTo(2);
    }

    private long count(String sql, UUID id) {
        return jdbc.queryForObject(sql, Long.class, id.toString());
    }

    private long count(String sql, UUID a, UUID b) {
        return jdbc.queryForObject(sql, Long.class, a.toString(), b.toString());
    }

    private static void assertAllSame(List<ApiResponse> responses, int status) {
        assertThat(responses).hasSize(CALLS);
        assertThat(responses)
                .as("every concurrent identical call: %s", responses)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(status));
    }
}
