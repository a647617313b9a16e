package com.clinicrecords.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers.Account;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DoctorProfilesIntegrationTests extends IntegrationTest {

    @Test
    void shouldManageSpecializationsAsAdminOnly() {
        ClinicFixtures fx = new ClinicFixtures(api, users);
        String admin = fx.admin().accessToken();
        Account patient = users.patient();
        String name = "Cardiology " + UUID.randomUUID();
        assertThat(api.post("/api/admin/specializations")
                        .token(patient.accessToken())
                        .json(Map.of("name", name))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/admin/specializations")
                        .json(Map.of("name", name))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(api.post("/api/admin/specializations")
                        .token(admin)
                        .json(Map.of("name", " "))
                        .send()
                        .json()
                        .path("errors")
                        .toString())
                .contains("name");
        ApiResponse created = api.post("/api/admin/specializations")
                .token(admin)
                .json(Map.of("name", name))
                .send();
        assertThat(created.status()).isEqualTo(201);
        // Create-if-absent: the same name again is the same specialization, not a conflict.
        ApiResponse again = api.post("/api/admin/specializations")
                .token(admin)
                .json(Map.of("name", name))
                .send();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(created.text("id"));
        assertThat(api.get("/api/specializations")
                        .token(patient.accessToken())
                        .send()
                        .raw())
                .contains(name);

        Account user = users.withRoles();
        ApiResponse doctor = api.post("/api/admin/doctors")
                .token(admin)
                .json(Map.of("userId", user.id().toString(), "specializationId", created.text("id")))
                .send();
        assertThat(doctor.status()).as(doctor.toString()).isEqualTo(201);
        String path = "/api/admin/specializations/" + created.text("id");
        assertThat(api.delete(path).token(patient.accessToken()).send().status())
                .isEqualTo(403);
        ApiResponse inUse = api.delete(path).token(admin).send();
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.text("type")).isEqualTo("/problems/specialization-in-use");

        ApiResponse unused = api.post("/api/admin/specializations")
                .token(admin)
                .json(Map.of("name", name + "-x"))
                .send();
        assertThat(api.delete("/api/admin/specializations/" + unused.text("id"))
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(204);
    }

    @Test
    void shouldCreateDoctorGrantRoleAndShowOnlyNameAndSpecialization() {
        ClinicFixtures fx = new ClinicFixtures(api, users);
        String admin = fx.admin().accessToken();
        Account user = users.withRoles();
        String spec = api.post("/api/admin/specializations")
                .token(admin)
                .json(Map.of("name", "Neurology " + UUID.randomUUID()))
                .send()
                .text("id");
        Map<String, Object> body = Map.of("userId", user.id().toString(), "specializationId", spec);
        assertThat(api.post("/api/admin/doctors")
                        .token(users.doctor().accessToken())
                        .json(body)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/admin/doctors")
                        .token(admin)
                        .json(Map.of("userId", UUID.randomUUID().toString()))
                        .send()
                        .status())
                .as("user must exist")
                .isEqualTo(404);
        assertThat(api.post("/api/admin/doctors")
                        .token(admin)
                        .json(Map.of())
                        .send()
                        .json()
                        .path("errors")
                        .toString())
                .contains("userId");
        assertThat(api.post("/api/admin/doctors")
                        .token(admin)
                        .json(Map.of("userId", user.id().toString(), "specializationId", 7))
                        .send()
                        .json()
                        .path("errors")
                        .toString())
                .contains("specializationId");
        assertThat(api.post("/api/admin/doctors")
                        .token(admin)
                        .json(Map.of(
                                "userId",
                                user.id().toString(),
                                "specializationId",
                                UUID.randomUUID().toString()))
                        .send()
                        .status())
                .isEqualTo(404);
        ApiResponse created =
                api.post("/api/admin/doctors").token(admin).json(body).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/doctors/" + created.text("id"));
        ApiResponse again =
                api.post("/api/admin/doctors").token(admin).json(body).send();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(created.text("id"));

        Account relogged = users.login(user.id(), user.email(), user.password());
        assertThat(api.get("/api/users/me").token(relogged.accessToken()).send().raw())
                .contains("DOCTOR");
        ApiResponse me =
                api.get("/api/doctors/me").token(relogged.accessToken()).send();
        assertThat(me.text("id")).isEqualTo(created.text("id"));

        Account patient = users.patient();
        ApiResponse seen = api.get("/api/doctors/" + created.text("id"))
                .token(patient.accessToken())
                .send();
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().has("userId")).isFalse();
        assertThat(seen.raw()).doesNotContain(user.email());
        ApiResponse list = api.get("/api/doctors?specializationId=" + spec)
                .token(patient.accessToken())
                .send();
        assertThat(list.json().path("totalElements").asInt()).isEqualTo(1);
        assertThat(api.get("/api/doctors?size=101")
                        .token(patient.accessToken())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/doctors").send().status()).isEqualTo(401);
        assertThat(api.get("/api/doctors/me")
                        .token(patient.accessToken())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/doctors/me/patients")
                        .token(patient.accessToken())
                        .send()
                        .status())
                .isEqualTo(403);
    }
}
