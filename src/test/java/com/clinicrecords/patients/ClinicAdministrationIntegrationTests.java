package com.clinicrecords.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 13 items 1, 2, 7 and 8: patient directory, doctor administration, clinic news, merge patch. */
class ClinicAdministrationIntegrationTests extends IntegrationTest {

    private ClinicFixtures clinic;
    private String admin;

    @BeforeEach
    void clinic() {
        clinic = new ClinicFixtures(api, users);
        admin = clinic.admin().accessToken();
    }

    @Test
    void adminsSearchThePatientDirectoryAndDoctorsOnlyTheirOwnPatients() {
        String marker = "Dir" + UUID.randomUUID().toString().substring(0, 8);
        String insurance = "INS-" + UUID.randomUUID().toString().substring(0, 8);
        String first = createPatient(marker, "Anna", "1971-02-03", insurance);
        String second = createPatient(marker, "Bert", "1985-06-07", null);

        assertThat(ids(directory("q=" + marker.toLowerCase()))).containsExactly(first, second);
        assertThat(ids(directory("q=Anna+" + marker))).as("first and last name").containsExactly(first);
        // every word matches the start of a name or the insurance number, in any order
        assertThat(ids(directory("q=" + marker.substring(0, 7).toUpperCase() + "+an")))
                .as("word starts, any order, any case")
                .containsExactly(first);
        assertThat(ids(directory("q=" + insurance.substring(0, 10)))).containsExactly(first);
        assertThat(ids(directory("q=" + marker.substring(3))))
                .as("inside a name is not a start")
                .isEmpty();
        assertThat(ids(directory("q=" + marker + "+Carl")))
                .as("every word must match")
                .isEmpty();
        assertThat(ids(directory("q=1985-06-07"))).contains(second).doesNotContain(first);
        ApiResponse tooManyWords = directory("q=a+b+c+d+e+f");
        assertThat(tooManyWords.status()).as(tooManyWords.toString()).isEqualTo(400);
        assertThat(tooManyWords.json().path("errors").get(0).path("field").asString())
                .isEqualTo("q");
        assertThat(ids(directory("q=%25" + marker.substring(1))))
                .as("a wildcard matches itself")
                .isEmpty();
        assertThat(directory("size=101").status()).isEqualTo(400);
        assertThat(api.get("/api/admin/patients")
                        .token(users.doctor().accessToken())
                        .send()
                        .status())
                .isEqualTo(403);

        DoctorAccount doctor = clinic.doctor();
        PatientAccount mine = clinic.patient();
        PatientAccount notMine = clinic.patient();
        clinic.link(doctor, mine);
        ApiResponse own = api.get("/api/doctors/me/patients?q=" + "Test")
                .token(doctor.token())
                .send();
        assertThat(ids(own))
                .contains(mine.patientId().toString())
                .doesNotContain(notMine.patientId().toString());
        assertThat(ids(api.get("/api/doctors/me/patients?q=" + marker)
                        .token(doctor.token())
                        .send()))
                .isEmpty();
        ApiResponse byPrefix =
                api.get("/api/doctors/me/patients?q=tes").token(doctor.token()).send();
        assertThat(ids(byPrefix))
                .as(byPrefix.toString())
                .contains(mine.patientId().toString());
    }

    @Test
    void adminsEditDoctors() {
        DoctorAccount doctor = clinic.doctor();
        String spec = api.post("/api/admin/specializations")
                .token(admin)
                .json(Map.of("name", "Edit " + UUID.randomUUID()))
                .send()
                .text("id");
        ApiResponse updated = api.put("/api/admin/doctors/" + doctor.doctorId())
                .token(admin)
                .json(Map.of("firstName", "Greta", "lastName", "Grey", "specializationId", spec))
                .send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("lastName")).isEqualTo("Grey");
        assertThat(updated.text("specializationId")).isEqualTo(spec);
        assertThat(api.get("/api/doctors/" + doctor.doctorId())
                        .token(admin)
                        .send()
                        .text("firstName"))
                .isEqualTo("Greta");
        assertThat(api.put("/api/admin/doctors/" + doctor.doctorId())
                        .token(admin)
                        .header("If-Match", "\"0\"")
                        .json(Map.of("firstName", "Old", "lastName", "Version"))
                        .send()
                        .status())
                .isEqualTo(412);
        assertThat(api.put("/api/admin/doctors/" + UUID.randomUUID())
                        .token(admin)
                        .json(Map.of("firstName", "No", "lastName", "One"))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aDeactivatedDoctorIsHiddenUnbookableLosesAccessAndTheirAppointmentsAreCancelled() {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        Instant start = slot(9);
        ApiResponse booked = book(patient.token(), doctor.doctorId(), patient.patientId(), start);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(listedDoctorIds()).contains(doctor.doctorId().toString());

        ApiResponse deactivated = api.post("/api/admin/doctors/" + doctor.doctorId() + "/deactivate")
                .token(admin)
                .send();
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        assertThat(api.post("/api/admin/doctors/" + doctor.doctorId() + "/deactivate")
                        .token(admin)
                        .send()
                        .status())
                .as("repeatable")
                .isEqualTo(200);

        assertThat(listedDoctorIds()).doesNotContain(doctor.doctorId().toString());
        ApiResponse refused = book(patient.token(), doctor.doctorId(), patient.patientId(), slot(10));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("/problems/doctor-inactive");
        assertThat(book(admin, doctor.doctorId(), patient.patientId(), slot(11)).status())
                .isEqualTo(422);
        assertThat(api.get("/api/patients/" + patient.patientId())
                        .token(doctor.token())
                        .send()
                        .status())
                .as("no access through the link")
                .isEqualTo(404);
        assertThat(ids(api.get("/api/doctors/me/patients").token(doctor.token()).send()))
                .isEmpty();
        // the appointments module reacts after the deactivation committed (an event between modules)
        awaitCancelled(patient.token(), booked.text("id"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/api/notifications")
                                .token(patient.token())
                                .send()
                                .raw())
                        .contains("no longer available"));

        assertThat(api.post("/api/admin/doctors/" + doctor.doctorId() + "/reactivate")
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(listedDoctorIds()).contains(doctor.doctorId().toString());
        assertThat(api.get("/api/patients/" + patient.patientId())
                        .token(doctor.token())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(book(patient.token(), doctor.doctorId(), patient.patientId(), slot(12))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aDoctorWhoseAccountIsDisabledIsHiddenAndCannotBeBooked() {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        ApiResponse booked = book(patient.token(), doctor.doctorId(), patient.patientId(), slot(13));
        assertThat(booked.status()).isEqualTo(201);
        assertThat(api.post("/api/admin/users/" + doctor.account().id() + "/disable")
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(listedDoctorIds()).doesNotContain(doctor.doctorId().toString());
        ApiResponse refused = book(patient.token(), doctor.doctorId(), patient.patientId(), slot(14));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("/problems/doctor-inactive");
        awaitCancelled(patient.token(), booked.text("id"));
    }

    private void awaitCancelled(String token, String appointmentId) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/api/appointments/" + appointmentId)
                                .token(token)
                                .send()
                                .text("status"))
                        .isEqualTo("CANCELLED"));
    }

    @Test
    void aDoctorSetsRoomAndBedWithAMergePatch() {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        String path = "/api/patients/" + patient.patientId();
        ApiResponse current = api.get(path).token(doctor.token()).send();
        ApiResponse patched =
                mergePatch(path, doctor.token(), current.header("ETag"), "{\"room\":\"12\",\"bed\":\"B\"}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.text("room")).isEqualTo("12");
        assertThat(patched.text("bed")).isEqualTo("B");
        assertThat(patched.text("firstName")).isEqualTo(current.text("firstName"));

        String etag = patched.header("ETag");
        assertThat(mergePatch(path, doctor.token(), etag, "{\"firstName\":\"Eve\"}")
                        .status())
                .as("demographics stay the patient's")
                .isEqualTo(403);
        ApiResponse cleared = mergePatch(path, doctor.token(), etag, "{\"bed\":null,\"version\":99}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().has("bed")).isFalse();
        assertThat(cleared.text("room")).isEqualTo("12");

        ApiResponse own = mergePatch(path, patient.token(), cleared.header("ETag"), "{\"firstName\":\"Eve\"}");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("firstName")).isEqualTo("Eve");
        assertThat(mergePatch(path, patient.token(), own.header("ETag"), "{\"room\":\"13\"}")
                        .status())
                .isEqualTo(403);
        assertThat(mergePatch(path, patient.token(), "\"0\"", "{\"firstName\":\"Old\"}")
                        .status())
                .isEqualTo(412);
        assertThat(mergePatch(path, patient.token(), null, "{\"firstName\":\"Old\"}")
                        .status())
                .isEqualTo(428);
        assertThat(mergePatch(path, patient.token(), own.header("ETag"), "{\"firstName\":null}")
                        .status())
                .isEqualTo(400);
        assertThat(mergePatch(path, patient.token(), own.header("ETag"), "{\"gender\":\"ROBOT\"}")
                        .status())
                .isEqualTo(400);
        assertThat(mergePatch(path, patient.token(), own.header("ETag"), "[1]").status())
                .isEqualTo(400);
        assertThat(mergePatch(path, users.patient().accessToken(), own.header("ETag"), "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void adminsWriteAndPublishNewsThatAnyoneCanRead() {
        String title = "Flu shots " + UUID.randomUUID();
        ApiResponse draft = api.post("/api/admin/news")
                .token(admin)
                .json(Map.of("title", title, "body", "Walk in on Mondays."))
                .send();
        assertThat(draft.status()).isEqualTo(201);
        String id = draft.text("id");
        assertThat(draft.json().path("published").asBoolean()).isFalse();
        assertThat(api.get("/api/news/" + id).send().status())
                .as("drafts are hidden")
                .isEqualTo(404);
        assertThat(api.get("/api/news?size=100").send().raw()).doesNotContain(title);

        assertThat(api.post("/api/admin/news/" + id + "/publish")
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(200);
        ApiResponse published = api.get("/api/news/" + id).send();
        assertThat(published.status()).as("public, no sign-in").isEqualTo(200);
        assertThat(published.text("title")).isEqualTo(title);
        ApiResponse newer = api.post("/api/admin/news")
                .token(admin)
                .json(Map.of("title", "Newer " + title, "body", "Later news.", "publish", true))
                .send();
        List<String> feed = ids(api.get("/api/news?size=100").send());
        assertThat(feed.indexOf(newer.text("id"))).as("newest first").isLessThan(feed.indexOf(id));

        ApiResponse edited = api.put("/api/admin/news/" + id)
                .token(admin)
                .json(Map.of("title", title + " (updated)", "body", "Walk in on Tuesdays."))
                .send();
        assertThat(edited.status()).isEqualTo(200);
        assertThat(api.get("/api/news/" + id).send().text("body")).isEqualTo("Walk in on Tuesdays.");
        assertThat(api.post("/api/admin/news/" + id + "/unpublish")
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/news/" + id).send().status()).isEqualTo(404);
        assertThat(api.get("/api/admin/news/" + id).token(admin).send().status())
                .isEqualTo(200);
        assertThat(api.post("/api/admin/news")
                        .token(users.patient().accessToken())
                        .json(Map.of("title", "x", "body", "y"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/admin/news")
                        .token(admin)
                        .json(Map.of("title", ""))
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.delete("/api/admin/news/" + id).token(admin).send().status())
                .isEqualTo(204);
        assertThat(api.delete("/api/admin/news/" + id).token(admin).send().status())
                .isEqualTo(204);
        assertThat(api.get("/api/admin/news/" + id).token(admin).send().status())
                .isEqualTo(404);
    }

    private ApiResponse mergePatch(String path, String token, String etag, String body) {
        var call = api.patch(path).token(token).bytes(body.getBytes(), "application/merge-patch+json");
        if (etag != null) {
            call.header("If-Match", etag);
        }
        return call.send();
    }

    private List<String> listedDoctorIds() {
        return ids(api.get("/api/doctors?size=100").token(admin).send(), "/api/doctors?size=100&page=");
    }

    private List<String> ids(ApiResponse first, String morePages) {
        List<String> all = new ArrayList<>(ids(first));
        int pages = first.json().path("totalPages").asInt();
        for (int p = 1; p < pages; p++) {
            all.addAll(ids(api.get(morePages + p).token(admin).send()));
        }
        return all;
    }

    private String createPatient(String lastName, String firstName, String dob, String insurance) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("dateOfBirth", dob);
        if (insurance != null) {
            body.put("insuranceNumber", insurance);
        }
        ApiResponse created =
                api.post("/api/admin/patients").token(admin).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private ApiResponse directory(String query) {
        return api.get("/api/admin/patients?" + query).token(admin).send();
    }

    private ApiResponse book(String token, UUID doctorId, UUID patientId, Instant start) {
        return api.post("/api/appointments")
                .token(token)
                .json(Map.of(
                        "doctorId", doctorId.toString(),
                        "patientId", patientId.toString(),
                        "startsAt", start.toString(),
                        "endsAt", start.plus(Duration.ofMinutes(30)).toString()))
                .send();
    }

    private static Instant slot(int hour) {
        return Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(5))
                .plus(Duration.ofHours(hour));
    }

    private static List<String> ids(ApiResponse page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().path("content").forEach(n -> ids.add(n.path("id").asString()));
        return ids;
    }
}
