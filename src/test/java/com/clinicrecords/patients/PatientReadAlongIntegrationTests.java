package com.clinicrecords.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/patients/{id} and the lists under it read the patient along with the caller's statement once the
 * caller's account is in memory ({@code PatientReadAlong}). Every caller here has made a request before, so each
 * request below takes that path; the answers must be those of the separate reads, and a change to the session,
 * the link or the roles must show on the very next request.
 */
class PatientReadAlongIntegrationTests extends CareTeamTest {

    private static final List<String> LISTS = List.of("/visits", "/doctors", "/images", "/results");

    private String admin;

    @BeforeEach
    void everyCallerKnown() {
        admin = fx.admin().accessToken();
        for (String token : List.of(linked.token(), unlinked.token(), patientA.token(), patientB.token(), admin)) {
            assertThat(get("/api/users/me", token)).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswerEachCallerAsTheSeparateReadsDid() {
        String a = "/api/patients/" + patientA.patientId();
        ApiResponse read = api.get(a).token(linked.token()).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.text("id")).isEqualTo(patientA.patientId().toString());
        assertThat(get(a, patientA.token())).isEqualTo(200);
        assertThat(get(a, admin)).isEqualTo(200);
        assertThat(get(a, unlinked.token())).isEqualTo(404);
        assertThat(get(a, patientB.token())).isEqualTo(404);
        assertThat(get("/api/patients/" + patientB.patientId(), linked.token())).isEqualTo(404);
        assertThat(get("/api/patients/" + UUID.randomUUID(), linked.token())).isEqualTo(404);
        assertThat(get("/api/patients/" + UUID.randomUUID(), admin)).isEqualTo(404);
        assertThat(get("/api/patients/not-a-uuid", linked.token())).isEqualTo(400);
        assertThat(get("/api/patients/me", patientA.token())).isEqualTo(200);

        for (String list : LISTS) {
            assertThat(get(a + list, linked.token())).as(list).isEqualTo(200);
            assertThat(get(a + list, unlinked.token())).as(list).isEqualTo(404);
            assertThat(get("/api/patients/" + UUID.randomUUID() + list, linked.token()))
                    .as(list)
                    .isEqualTo(404);
        }
        assertThat(get(a + "/doctors", patientA.token())).isEqualTo(200);
        assertThat(get(a + "/doctors", patientB.token())).isEqualTo(404);
    }

    @Test
    void shouldRefuseALoggedOutSessionWithItsRead() {
        String a = "/api/patients/" + patientA.patientId();
        assertThat(get(a, linked.token())).isEqualTo(200);
        ApiResponse logout = api.post("/api/auth/logout").token(linked.token()).send();
        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);

        ApiResponse after = api.get(a).token(linked.token()).send();
        assertThat(after.status()).as(after.toString()).isEqualTo(401);
        assertThat(after.raw()).doesNotContain("firstName", "lastName");
        assertThat(get(a + "/visits", linked.token())).isEqualTo(401);
    }

    @Test
    void shouldSeeARemovedLinkOnTheNextRead() {
        String a = "/api/patients/" + patientA.patientId();
        assertThat(get(a, linked.token())).isEqualTo(200);
        assertThat(get(a + "/visits", linked.token())).isEqualTo(200);
        fx.unlink(linked, patientA);

        assertThat(get(a, linked.token())).isEqualTo(404);
        assertThat(get(a + "/visits", linked.token())).isEqualTo(404);
    }

    @Test
    void shouldSeeRolesTakenAwayOnTheNextRead() {
        String a = "/api/patients/" + patientA.patientId();
        assertThat(get(a, linked.token())).isEqualTo(200);
        ApiResponse changed = api.put("/api/admin/users/" + linked.account().id() + "/roles")
                .token(admin)
                .json(Map.of("roles", List.of("PATIENT")))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        // the link is still there; without the doctor's role it no longer opens the record
        assertThat(get(a, linked.token())).isIn(403, 404);
        assertThat(get(a + "/visits", linked.token())).isIn(403, 404);
    }

    @Test
    void shouldReadAPatientDeletedMeanwhileAsGone() {
        PatientAccount gone = fx.patient();
        fx.link(linked, gone);
        String path = "/api/patients/" + gone.patientId();
        assertThat(get(path, linked.token())).isEqualTo(200);
        ApiResponse deleted = api.delete(path)
                .token(admin)
                .json(Map.of("reason", "entered twice"))
                .send();
        assertThat(deleted.status()).as(deleted.toString()).isIn(200, 204);

        assertThat(get(path, linked.token())).isEqualTo(404);
        assertThat(get(path + "/visits", linked.token())).isEqualTo(404);
    }

    private int get(String path, String token) {
        return api.get(path).token(token).send().status();
    }
}
