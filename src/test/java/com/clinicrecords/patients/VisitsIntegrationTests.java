package com.clinicrecords.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisitsIntegrationTests extends CareTeamTest {

    @Test
    void shouldLetOnlyLinkedDoctorRecordVisitAndUpdateDiagnosis() {
        Map<String, Object> visit = visit(Instant.now().minusSeconds(3600));
        String path = "/api/patients/" + patientA.patientId() + "/visits";
        assertThat(api.post(path).json(visit).send().status()).isEqualTo(401);
        assertThat(api.post(path).token(patientA.token()).json(visit).send().status())
                .isEqualTo(403);
        assertThat(api.post(path)
                        .token(fx.admin().accessToken())
                        .json(visit)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post(path).token(unlinked.token()).json(visit).send().status())
                .isEqualTo(404);
        ApiResponse created = api.post(path).token(linked.token()).json(visit).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/visits/" + created.text("id"));
        assertThat(api.get("/api/patients/" + patientA.patientId())
                        .token(patientA.token())
                        .send()
                        .text("diagnosis"))
                .isEqualTo("Bronchitis");
    }

    @Test
    void shouldApplyReadMatrixToVisitsNewestFirst() {
        String path = "/api/patients/" + patientA.patientId() + "/visits";
        api.post(path)
                .token(linked.token())
                .json(visit(Instant.now().minusSeconds(7200)))
                .send();
        String newest = api.post(path)
                .token(linked.token())
                .json(visit(Instant.now().minusSeconds(60)))
                .send()
                .text("id");
        ApiResponse list = api.get(path).token(patientA.token()).send();
        assertThat(list.json().path("totalElements").asInt()).isEqualTo(2);
        assertThat(list.json().path("content").get(0).path("id").asString()).isEqualTo(newest);
        assertThat(api.get(path).token(fx.admin().accessToken()).send().status())
                .isEqualTo(200);
        assertThat(api.get(path).token(patientB.token()).send().status()).isEqualTo(404);
        assertThat(api.get(path).token(unlinked.token()).send().status()).isEqualTo(404);
        assertThat(api.get(path + "?size=101").token(patientA.token()).send().status())
                .isEqualTo(400);
        String one = "/api/visits/" + newest;
        assertThat(api.get(one).token(linked.token()).send().status()).isEqualTo(200);
        assertThat(api.get(one).token(patientB.token()).send().status()).isEqualTo(404);
        assertThat(api.get(one).token(unlinked.token()).send().status()).isEqualTo(404);
        assertThat(api.get(one).send().status()).isEqualTo(401);
        fx.unlink(linked, patientA);
        assertThat(api.get(one).token(linked.token()).send().status()).isEqualTo(404);
    }

    @Test
    void shouldRejectInvalidVisitFields() {
        String path = "/api/patients/" + patientA.patientId() + "/visits";
        Map<String, Object> valid = visit(Instant.now().minusSeconds(60));
        assertInvalid(
                path, with(valid, "visitedAt", Instant.now().plusSeconds(3600).toString()), "visitedAt");
        assertInvalid(path, with(valid, "visitedAt", null), "visitedAt");
        assertInvalid(path, with(valid, "visitedAt", "yesterday"), "visitedAt");
        assertInvalid(path, with(valid, "notes", ""), "notes");
        assertInvalid(path, with(valid, "diagnosis", "x".repeat(4001)), "diagnosis");
        assertInvalid(path, with(valid, "prescribedMedicine", "x".repeat(4001)), "prescribedMedicine");
    }

    private void assertInvalid(String path, Map<String, Object> body, String field) {
        ApiResponse response = api.post(path).token(linked.token()).json(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").toString()).contains("\"" + field + "\"");
    }

    private static Map<String, Object> with(Map<String, Object> valid, String field, Object value) {
        Map<String, Object> body = new HashMap<>(valid);
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> visit(Instant at) {
        Map<String, Object> body = new HashMap<>();
        body.put("visitedAt", at.toString());
        body.put("notes", "Cough for a week");
        body.put("diagnosis", "Bronchitis");
        body.put("prescribedMedicine", "Rest");
        return body;
    }
}
