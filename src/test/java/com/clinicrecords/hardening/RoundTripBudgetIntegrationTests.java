package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.appointments.AppointmentFixtures;
import com.clinicrecords.imaging.ImagingTestSupport;
import com.clinicrecords.imaging.TestFiles;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.RoundTrips;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Database round trips per authenticated request, counted on the request's own connections (statements plus
 * commit, rollback and auto-commit/read-only changes; see {@link RoundTrips}): a read of a patient, an
 * appointment, an image's metadata or a result needs at most 4 (caller, access and record, audit), a list at
 * most 5. Audit inserts are counted; the begin/commit that the audit trail wraps around an insert of its own
 * is reported apart, because making audit writes cheap belongs to the audit trail, not to the read paths.
 */
class RoundTripBudgetIntegrationTests extends ImagingTestSupport {

    private static final int READ_BUDGET = 4;
    private static final int LIST_BUDGET = 5;
    private static final int UPLOAD_BUDGET = 10;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private PatientAccount patient;
    private DoctorAccount doctor;

    @BeforeEach
    void careTeam() {
        patient = clinic.patient();
        doctor = clinic.linkedDoctor(patient);
    }

    @Test
    void shouldReadAPatientInAtMostFourRoundTrips() {
        // the first call of an account may warm caches; the budget is for every call after that
        get("/api/patients/" + patient.patientId(), doctor.token());

        assertWithinBudget("/api/patients/" + patient.patientId(), doctor.token(), READ_BUDGET);
        assertWithinBudget("/api/patients/" + patient.patientId(), patient.token(), READ_BUDGET);
        assertWithinBudget(
                "/api/patients/" + patient.patientId(), clinic.admin().accessToken(), READ_BUDGET);
    }

    @Test
    void shouldReadAnAppointmentInAtMostFourRoundTrips() {
        Instant start = Instant.now()
                .plus(3 + SEQUENCE.incrementAndGet(), ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.HOURS);
        ApiResponse booked = api.post("/api/appointments")
                .token(doctor.token())
                .json(Map.of(
                        "doctorId", doctor.doctorId().toString(),
                        "patientId", patient.patientId().toString(),
                        "startsAt", start.toString(),
                        "endsAt", start.plus(30, ChronoUnit.MINUTES).toString()))
                .send();
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String id = booked.text("id");

        assertWithinBudget("/api/appointments/" + id, doctor.token(), READ_BUDGET);
        assertWithinBudget("/api/appointments/" + id, patient.token(), READ_BUDGET);
    }

    @Test
    void shouldReadImageMetadataAndResultsInAtMostFourRoundTrips() {
        UUID image = uploadedPng(doctor, patient);
        String result = postedResult(image);

        assertWithinBudget("/api/images/" + image, doctor.token(), READ_BUDGET);
        assertWithinBudget("/api/images/" + image, patient.token(), READ_BUDGET);
        assertWithinBudget("/api/results/" + result, doctor.token(), READ_BUDGET);
    }

    /**
     * A known caller's GET of a patient, or of a list under it that checks access first, reads the patient with
     * the caller's statement: one select for both, and no other statement on the patients table.
     */
    @Test
    void shouldReadThePatientWithTheCaller() {
        String a = "/api/patients/" + patient.patientId();
        get(a, doctor.token());
        for (String path : List.of(a, a + "/visits", a + "/doctors", a + "/images", a + "/results")) {
            String requestId = RoundTrips.PREFIX + UUID.randomUUID();
            ApiResponse response = api.get(path)
                    .token(doctor.token())
                    .header("X-Request-Id", requestId)
                    .send();
            assertThat(response.status()).as(path + " " + response).isEqualTo(200);
            List<RoundTrips.Event> events = RoundTrips.of(requestId);
            String report = "GET " + path + lines(events);
            List<String> selects = events.stream()
                    .filter(e -> e.kind() == RoundTrips.Kind.STATEMENT)
                    .map(e -> e.sql().toLowerCase(Locale.ROOT))
                    .filter(sql -> sql.startsWith("select"))
                    .toList();
            assertThat(selects).as(report).isNotEmpty();
            assertThat(selects.get(0)).as(report).contains("from auth_sessions s", "left join patients p on p.id = ?");
            assertThat(selects.subList(1, selects.size()))
                    .as(report)
                    .noneMatch(sql -> sql.contains("from patients p") || sql.contains("join patients p"));
        }
    }

    @Test
    void shouldListInAtMostFiveRoundTrips() {
        UUID image = uploadedPng(doctor, patient);
        postedResult(image);
        String admin = clinic.admin().accessToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        assertWithinBudget("/api/appointments?doctorId=" + doctor.doctorId(), doctor.token(), LIST_BUDGET);
        // another doctor's schedule: the own-schedule statement finds nothing, then the linked patients' scope
        assertWithinBudget(
                "/api/appointments?doctorId=" + clinic.linkedDoctor(patient).doctorId(), doctor.token(), LIST_BUDGET);
        assertWithinBudget("/api/appointments", doctor.token(), LIST_BUDGET);
        assertWithinBudget("/api/appointments", patient.token(), LIST_BUDGET);
        assertWithinBudget("/api/appointments?sort=createdAt,desc", admin, LIST_BUDGET);
        assertWithinBudget(
                "/api/doctors/me/appointments?from=" + now + "&to=" + now.plus(7, ChronoUnit.DAYS),
                doctor.token(),
                LIST_BUDGET);
        assertWithinBudget("/api/doctors/me/patients", doctor.token(), LIST_BUDGET);
        assertWithinBudget("/api/patients/" + patient.patientId() + "/images", doctor.token(), LIST_BUDGET);
        assertWithinBudget("/api/patients/" + patient.patientId() + "/results", doctor.token(), LIST_BUDGET);
        assertWithinBudget("/api/images/" + image + "/results", doctor.token(), LIST_BUDGET);
        assertWithinBudget("/api/patients/" + patient.patientId() + "/access-log", patient.token(), LIST_BUDGET);
        assertWithinBudget("/api/admin/audit", admin, LIST_BUDGET);
        assertWithinBudget("/api/admin/audit?from=" + now.minus(1, ChronoUnit.DAYS) + "&to=" + now, admin, LIST_BUDGET);
        assertWithinBudget("/api/admin/users", admin, LIST_BUDGET);
        assertWithinBudget("/api/admin/users?size=1&sort=lastName", admin, LIST_BUDGET);
        assertWithinBudget("/api/admin/users?size=1&role=DOCTOR&q=a", admin, LIST_BUDGET);
        assertWithinBudget("/api/notifications", patient.token(), LIST_BUDGET);
    }

    @Test
    void shouldListByCursorInAtMostFiveRoundTrips() {
        String admin = clinic.admin().accessToken();
        clinic.patient();
        Instant start = Instant.now()
                .plus(200 + SEQUENCE.incrementAndGet(), ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 2; i++) {
            ApiResponse booked = api.post("/api/appointments")
                    .token(doctor.token())
                    .json(Map.of(
                            "doctorId", doctor.doctorId().toString(),
                            "patientId", patient.patientId().toString(),
                            "startsAt", start.plus(i, ChronoUnit.HOURS).toString(),
                            "endsAt",
                                    start.plus(i, ChronoUnit.HOURS)
                                            .plus(30, ChronoUnit.MINUTES)
                                            .toString()))
                    .send();
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        }
        for (String list : List.of(
                "/api/appointments?size=1&sort=createdAt,desc",
                "/api/admin/users?size=1",
                "/api/admin/users?size=1&sort=email")) {
            String cursor = get(list, admin).text("nextCursor");
            assertThat(cursor).as(list).isNotBlank();
            assertWithinBudget(list + "&cursor=" + cursor, admin, LIST_BUDGET);
        }
        for (String token : List.of(doctor.token(), patient.token())) {
            String cursor = get("/api/appointments?size=1", token).text("nextCursor");
            assertWithinBudget("/api/appointments?size=1&cursor=" + cursor, token, LIST_BUDGET);
        }
    }

    @Test
    void shouldListTheOtherListsInAtMostFiveRoundTrips() {
        String admin = clinic.admin().accessToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID image = uploadedPng(doctor, patient);
        // a second linked patient with an image: the image search shows (and audits) two patients
        PatientAccount other = clinic.patient();
        clinic.link(doctor, other);
        uploadedPng(doctor, other);
        ApiResponse visit = api.post("/api/patients/" + patient.patientId() + "/visits")
                .token(doctor.token())
                .json(Map.of("visitedAt", now.minus(1, ChronoUnit.HOURS).toString(), "notes", "Cough"))
                .send();
        assertThat(visit.status()).as(visit.toString()).isEqualTo(201);
        Instant day = now.plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        ApiResponse hours = AppointmentFixtures.workingHours(
                api,
                doctor.token(),
                doctor.doctorId(),
                day.atZone(java.time.ZoneOffset.UTC).getDayOfWeek());
        assertThat(hours.status()).as(hours.toString()).isEqualTo(200);
        Instant busy = day.plus(9, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES);
        ApiResponse booked = api.post("/api/appointments")
                .token(doctor.token())
                .json(Map.of(
                        "doctorId", doctor.doctorId().toString(),
                        "patientId", patient.patientId().toString(),
                        "startsAt", busy.toString(),
                        "endsAt", busy.plus(30, ChronoUnit.MINUTES).toString()))
                .send();
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

        // every list is measured, then all over-budget ones are reported together
        Map<String, String> lists = new java.util.LinkedHashMap<>();
        lists.put("/api/admin/roles", admin);
        lists.put("/api/admin/permissions", admin);
        lists.put("/api/admin/service-clients", admin);
        lists.put("/api/admin/patients", admin);
        lists.put("/api/admin/news", admin);
        lists.put("/api/news", patient.token());
        lists.put("/api/users/me/sessions", patient.token());
        lists.put("/api/doctors", patient.token());
        lists.put("/api/specializations", patient.token());
        lists.put("/api/patients/" + patient.patientId() + "/doctors", patient.token());
        lists.put("/api/patients/" + patient.patientId() + "/visits", doctor.token());
        lists.put("/api/images", doctor.token());
        lists.put("/api/images?patientId=" + patient.patientId(), doctor.token());
        lists.put("/api/doctors/" + doctor.doctorId() + "/working-hours", patient.token());
        lists.put(
                "/api/doctors/" + doctor.doctorId() + "/availability?from=" + day + "&to="
                        + day.plus(1, ChronoUnit.DAYS),
                patient.token());
        List<String> over = new java.util.ArrayList<>();
        lists.forEach((path, token) -> {
            try {
                assertWithinBudget(path, token, LIST_BUDGET);
            } catch (AssertionError e) {
                over.add(e.getMessage());
            }
        });
        assertThat(over).as("lists over budget").isEmpty();
        assertThat(image).isNotNull();
    }

    private String postedResult(UUID image) {
        // The linked doctor posts it (analysis services need a lease on the image's job).
        ApiResponse imageView = get("/api/images/" + image, doctor.token());
        ApiResponse created = api.post("/api/images/" + image + "/results")
                .token(doctor.token())
                .json(Map.of(
                        "imageSha256", imageView.text("sha256"),
                        "algorithmName", "lung-nodules",
                        "algorithmVersion", "2.1.0",
                        "regions", List.of(Map.of("x", 1, "y", 2, "width", 3, "height", 4, "label", "n", "score", 0.5)),
                        "findings", "none"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private ApiResponse get(String path, String token) {
        ApiResponse response = api.get(path).token(token).send();
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response;
    }

    /**
     * A new upload: caller, access, then one transaction with the image, the linked doctors' rows of it (one
     * INSERT ... SELECT; see LinkedPatientImages), its analysis job, the webhook subscribers' lookup and the audit
     * row (begin and commit counted). Entities with assigned ids are inserted without a select by id first, and
     * there is no duplicate lookup before the insert (the unique index answers that), so the count stays at 10
     * (9 before the linked doctors' rows).
     */
    @Test
    void shouldStoreANewUploadInAtMostTenRoundTrips() {
        uploadedPng(doctor, patient); // the first call of an account may warm caches
        byte[] file = TestFiles.png(5000 + (int) SEQUENCE.incrementAndGet());
        String requestId = RoundTrips.PREFIX + UUID.randomUUID();

        ApiResponse response = api.post("/api/patients/" + patient.patientId() + "/images")
                .token(doctor.token())
                .header("X-Request-Id", requestId)
                .header("X-Filename", "scan.png")
                .bytes(file, "application/octet-stream")
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        List<RoundTrips.Event> events = RoundTrips.of(requestId);
        String report = "new upload: " + events.size() + " round trips" + lines(events);
        System.out.println(report);
        assertThat(events).as(report).hasSizeLessThanOrEqualTo(UPLOAD_BUDGET);
        assertThat(events)
                .as("no select of the image or the job before their inserts: " + report)
                .noneMatch(e -> e.kind() == RoundTrips.Kind.STATEMENT
                        && e.sql().toLowerCase(Locale.ROOT).startsWith("select")
                        && (e.sql().contains(" images ") || e.sql().contains(" analysis_jobs ")));
    }

    private void assertWithinBudget(String path, String token, int budget) {
        String requestId = RoundTrips.PREFIX + UUID.randomUUID();
        ApiResponse response =
                api.get(path).token(token).header("X-Request-Id", requestId).send();
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        List<RoundTrips.Event> events = RoundTrips.of(requestId);
        int auditOverhead = RoundTrips.auditTransactionOverhead(events);
        int counted = events.size() - auditOverhead;
        String report = "GET " + path + ": " + counted + " round trips (+" + auditOverhead
                + " begin/commit of the audit trail's own transaction)" + lines(events);
        System.out.println(report);
        assertThat(counted).as(report).isLessThanOrEqualTo(budget);
    }

    /** The round trips one per line, indented, for a failure message and the test log. */
    private static String lines(List<RoundTrips.Event> events) {
        return events.stream().map(e -> "\n  " + e).collect(Collectors.joining());
    }
}
