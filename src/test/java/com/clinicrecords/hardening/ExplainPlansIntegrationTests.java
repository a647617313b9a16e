package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.imaging.ImagingTestSupport;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.shared.domain.PageCursor;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.RoundTrips;
import com.clinicrecords.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The main lists and lookups use indexes on a large clinic. The statements are the ones the API really sends
 * (captured with their parameters while calling it, see {@link RoundTrips}); they are then EXPLAINed in a
 * separate schema holding copies of the tables (same indexes, no triggers or foreign keys) filled with many
 * synthetic rows around the same doctor and patient, and ANALYZEd, so the optimizer chooses as it would in
 * production. A full scan ({@code type = ALL}) of one of the large tables fails the test. Works with the
 * EXPLAIN output of MariaDB and MySQL (both have the {@code table} and {@code type} columns).
 */
class ExplainPlansIntegrationTests extends ImagingTestSupport {

    private static final String SCHEMA = TestDatabase.EXPLAIN_DATABASE;
    private static final List<String> TABLES = List.of(
            "users",
            "roles",
            "role_permissions",
            "user_roles",
            "auth_sessions",
            "doctors",
            "patients",
            "doctor_patient_links",
            "appointments",
            "linked_patient_appointments",
            "audit_events",
            "images",
            "linked_patient_images",
            "analysis_results",
            "analysis_result_versions",
            "notifications",
            "specializations",
            "doctor_working_hours");
    private static final Set<String> LARGE = Set.of(
            "users",
            "auth_sessions",
            "patients",
            "doctor_patient_links",
            "appointments",
            "linked_patient_appointments",
            "audit_events",
            "images",
            "linked_patient_images");
    /** Tables whose deep pages must be read in index order. */
    private static final Set<String> SORTED =
            Set.of("users", "appointments", "linked_patient_appointments", "audit_events");
    /** Lists over a whole large table whose pages must come in index order: no sort of that table. */
    private static final Set<String> IN_INDEX_ORDER = Set.of(
            "GET /api/appointments?size=20&sort=startsAt",
            "GET /api/appointments?size=20&sort=startsAt,desc",
            "GET /api/images?size=20",
            "GET /api/images?page=0&size=20",
            "GET /api/images?page=0&size=20&modality=CT",
            "GET /api/images?size=20&page=500",
            "GET /api/images?size=20&status=WAITING",
            "GET /api/admin/patients?size=20",
            "GET /api/admin/patients?size=20&page=500");
    /** n = 0..99999, portable (no recursive CTE). */
    private static final String DIGIT = "(select 0 n union all select 1 union all select 2 union all select 3 "
            + "union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 "
            + "union all select 9)";

    private static final String SEQ = "(select d1.n + 10 * d2.n + 100 * d3.n + 1000 * d4.n + 10000 * d5.n as n from "
            + DIGIT + " d1 cross join " + DIGIT + " d2 cross join " + DIGIT + " d3 cross join " + DIGIT
            + " d4 cross join " + DIGIT + " d5)";

    @Test
    void shouldAnswerTheMainListsAndLookupsFromIndexesOnALargeClinic() throws SQLException {
        PatientAccount patient = clinic.patient();
        DoctorAccount doctor = clinic.linkedDoctor(patient);
        String admin = clinic.admin().accessToken();
        Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, List<RoundTrips.Event>> captured = new LinkedHashMap<>();
        ApiResponse booked = capture(
                captured,
                api.post("/api/appointments")
                        .token(doctor.token())
                        .json(Map.of(
                                "doctorId", doctor.doctorId().toString(),
                                "patientId", patient.patientId().toString(),
                                "startsAt", start.toString(),
                                "endsAt", start.plus(30, ChronoUnit.MINUTES).toString())),
                "POST /api/appointments");
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        UUID image = uploadedPng(doctor, patient);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        get(captured, "/api/patients/" + patient.patientId(), doctor.token());
        get(captured, "/api/appointments/" + booked.text("id"), doctor.token());
        get(captured, "/api/appointments?doctorId=" + doctor.doctorId() + "&size=1", doctor.token());
        get(captured, "/api/appointments?size=1", doctor.token());
        get(captured, "/api/appointments?size=1", patient.token());
        get(captured, "/api/appointments?size=1", admin);
        get(captured, "/api/appointments?size=1&sort=createdAt,desc", admin);
        get(captured, "/api/appointments?size=1&sort=endsAt", admin);
        get(captured, "/api/appointments?size=1&sort=status,desc", admin);
        get(captured, "/api/appointments?size=1&doctorId=" + doctor.doctorId(), admin);
        get(
                captured,
                "/api/doctors/me/appointments?from=" + now + "&to=" + now.plus(30, ChronoUnit.DAYS),
                doctor.token());
        get(captured, "/api/doctors/me/patients", doctor.token());
        get(captured, "/api/images/" + image, doctor.token());
        get(captured, "/api/patients/" + patient.patientId() + "/images", doctor.token());
        get(captured, "/api/patients/" + patient.patientId() + "/access-log", patient.token());
        get(captured, "/api/admin/audit?size=1", admin);
        get(captured, "/api/admin/audit?userId=" + doctor.account().id(), admin);
        get(captured, "/api/admin/users?size=1", admin);
        get(captured, "/api/admin/users?size=1&sort=lastName", admin);
        get(captured, "/api/admin/users?size=1&sort=email,desc", admin);
        // audit by date range alone, first and deep page (the cursor is a row id; the seeded ids start at 1)
        String seededDay = "from=2025-01-01T03:00:00Z&to=2025-01-01T20:00:00Z";
        get(captured, "/api/admin/audit?" + seededDay, admin);
        get(captured, "/api/admin/audit?" + seededDay + "&cursor=" + auditRowOf(admin), admin);
        get(captured, "/api/admin/audit?from=2025-01-01T03:00:00Z", admin);
        // deep numbered pages (OFFSET 10,000): MySQL scanned and sorted the whole table for whole rows
        get(captured, "/api/appointments?size=20&page=500", admin);
        get(captured, "/api/appointments?size=20&page=500&sort=createdAt,desc", admin);
        get(captured, "/api/admin/users?size=20&page=500&sort=lastName", admin);
        get(captured, "/api/admin/users?size=20&page=500", admin);
        // the patient directory: first and deep page, searches by word starts, date of birth; a doctor's search
        get(captured, "/api/admin/patients?size=20", admin);
        get(captured, "/api/admin/patients?size=20&page=500", admin);
        get(captured, "/api/admin/patients?size=20&q=L5", admin);
        get(captured, "/api/admin/patients?size=20&q=f1+L5", admin);
        get(captured, "/api/admin/patients?size=20&q=INS-0012", admin);
        get(captured, "/api/admin/patients?size=20&q=1990-05-01", admin);
        get(captured, "/api/doctors/me/patients?size=20&q=L1", doctor.token());
        // image search across patients: an admin's newest first, filtered, a doctor's linked patients'
        get(captured, "/api/images?size=20", admin);
        get(captured, "/api/images?size=20&page=500", admin);
        get(captured, "/api/images?size=20&modality=CT", admin);
        get(captured, "/api/images?size=20&status=WAITING", admin);
        get(captured, "/api/images?page=0&size=20", doctor.token());
        get(captured, "/api/images?page=0&size=20&modality=CT", doctor.token());
        // the user search: word starts of email and names, the start of a phone number
        get(captured, "/api/admin/users?size=20&q=bulk-150", admin);
        get(captured, "/api/admin/users?size=20&q=L5+f12", admin);
        get(captured, "/api/admin/users?size=20&sort=lastName&q=L5", admin);
        get(captured, "/api/admin/users?size=20&q=%2B49+228+0001", admin);

        // Deep pages by cursor (positions in the middle of the seeded rows): index ranges, never a sort of the
        // large table. The cursors are built as the API builds them; the id only breaks ties.
        String tie = UUID.randomUUID().toString();
        Map<String, String> deep = new LinkedHashMap<>();
        deep.put("/api/appointments?size=20", cursor("startsAt,asc", "2025-06-01T00:00:00Z", tie));
        deep.put("/api/appointments?size=20&sort=startsAt,desc", cursor("startsAt,desc", "2025-06-01T00:00:00Z", tie));
        deep.put(
                "/api/appointments?size=20&sort=createdAt,desc", cursor("createdAt,desc", "2025-01-20T00:00:00Z", tie));
        deep.put("/api/appointments?size=20&sort=endsAt", cursor("endsAt,asc", "2025-06-01T00:00:00Z", tie));
        deep.put("/api/appointments?size=20&sort=status,desc", cursor("status,desc", "COMPLETED", tie));
        deep.put(
                "/api/appointments?size=20&doctorId=" + doctor.doctorId(),
                cursor("startsAt,asc", "2025-01-10T00:00:00Z", tie));
        deep.put("/api/admin/users?size=20", cursor("createdAt,desc", "2020-01-10T00:00:00Z", tie));
        deep.put("/api/admin/users?size=20&sort=lastName", cursor("lastName,asc", "L500", tie));
        deep.put("/api/admin/users?size=20&sort=firstName,desc", cursor("firstName,desc", "F500", tie));
        deep.put("/api/admin/users?size=20&sort=email", cursor("email,asc", "bulk-15000@explain.test", tie));
        for (Map.Entry<String, String> list : deep.entrySet()) {
            get(captured, list.getKey() + "&cursor=" + list.getValue(), admin);
        }
        // the doctor's union, first pages in start order: the linked patients' appointments in index order too
        get(captured, "/api/appointments?size=20&sort=startsAt", doctor.token());
        get(captured, "/api/appointments?size=20&sort=startsAt,desc", doctor.token());
        // the doctor's union and the patient's own list, deep
        get(
                captured,
                "/api/appointments?size=20&cursor=" + cursor("startsAt,asc", "2025-01-10T00:00:00Z", tie),
                doctor.token());
        get(
                captured,
                "/api/appointments?size=20&cursor=" + cursor("startsAt,asc", "2025-01-20T00:00:00Z", tie),
                patient.token());

        seedLargeCopy(doctor, patient);

        List<String> fullScans = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                TestDatabase.get().url().replaceFirst("/clinic(\\?|$)", "/" + SCHEMA + "$1"),
                TestDatabase.get().migrationUsername(),
                TestDatabase.get().migrationPassword())) {
            for (Map.Entry<String, List<RoundTrips.Event>> request : captured.entrySet()) {
                for (RoundTrips.Event e : request.getValue()) {
                    if (e.kind() == RoundTrips.Kind.STATEMENT
                            && e.sql().toLowerCase(Locale.ROOT).startsWith("select")) {
                        try {
                            fullScans.addAll(explain(c, request.getKey(), e));
                        } catch (SQLException failed) {
                            throw new IllegalStateException(
                                    "EXPLAIN failed for " + request.getKey() + ": " + e.sql() + " " + e.parameters(),
                                    failed);
                        }
                    }
                }
            }
        }
        assertThat(fullScans)
                .as("full scans of large tables, or deep pages not read from an index range")
                .isEmpty();
    }

    private static String cursor(String sort, String value, String id) {
        return PageCursor.encode(sort, value, id);
    }

    /** An audit row id to continue after: the seeded copy keeps the real rows' ids, so one of them. */
    private String auditRowOf(String admin) {
        return String.valueOf(api.get("/api/admin/audit?limit=1")
                .token(admin)
                .send()
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asLong());
    }

    private ApiResponse get(Map<String, List<RoundTrips.Event>> captured, String path, String token) {
        ApiResponse response = capture(captured, api.get(path).token(token), "GET " + path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response;
    }

    private static ApiResponse capture(
            Map<String, List<RoundTrips.Event>> captured, com.clinicrecords.support.ApiClient.Call call, String label) {
        String requestId = RoundTrips.PREFIX + UUID.randomUUID();
        ApiResponse response = call.header("X-Request-Id", requestId).send();
        captured.put(label, RoundTrips.of(requestId));
        return response;
    }

    private static List<String> explain(Connection c, String request, RoundTrips.Event e) throws SQLException {
        List<String> scans = new ArrayList<>();
        // MySQL 9 may default to the TREE format (explain_format); the tabular one is what both servers share.
        String explain = c.getMetaData()
                                .getDatabaseProductName()
                                .toLowerCase(Locale.ROOT)
                                .contains("mysql")
                        && !c.getMetaData()
                                .getDatabaseProductVersion()
                                .toLowerCase(Locale.ROOT)
                                .contains("mariadb")
                ? "explain format=traditional "
                : "explain ";
        try (PreparedStatement ps = c.prepareStatement(explain + e.sql())) {
            for (int i = 0; i < e.parameters().size(); i++) {
                ps.setObject(i + 1, e.parameters().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString("table");
                    String type = rs.getString("type");
                    String plan = request + ": table " + table + " type " + type + " key " + rs.getString("key")
                            + " rows " + rs.getString("rows") + " | " + e.sql();
                    System.out.println("EXPLAIN " + plan);
                    String extra = String.valueOf(rs.getString("Extra"));
                    plan += " | extra " + extra;
                    boolean large = table != null && LARGE.contains(baseName(table));
                    if ("ALL".equalsIgnoreCase(type) && large) {
                        scans.add(plan);
                    }
                    if (IN_INDEX_ORDER.contains(request) && large && extra.contains("filesort")) {
                        scans.add(plan);
                    }
                    // a page after a cursor seeks: an index range (or lookup), and no sort of the large table
                    if (request.contains("cursor=")
                            && large
                            && SORTED.contains(baseName(table))
                            && (extra.contains("filesort") || "index".equalsIgnoreCase(type))) {
                        scans.add(plan);
                    }
                }
            }
        }
        return scans;
    }

    /** EXPLAIN names tables by their alias; map the aliases used in the application's SQL back. */
    private static String baseName(String table) {
        return switch (table) {
            case "s", "as1_0" -> "auth_sessions";
            case "u", "u1_0" -> "users";
            case "ur", "r1_0" -> "user_roles";
            case "a", "a1_0", "v" -> "appointments";
            case "l", "dpl1_0", "l1_0" -> "doctor_patient_links";
            case "p", "p1_0" -> "patients";
            case "i", "mi1_0", "i1_0" -> "images";
            case "d", "d1_0", "od", "d2_0" -> "doctors";
            case "la" -> "linked_patient_appointments";
            case "li" -> "linked_patient_images";
            default -> table;
        };
    }

    /** Copies of the tables in their own schema, then many rows around the test's doctor and patient. */
    private void seedLargeCopy(DoctorAccount doctor, PatientAccount patient) {
        // The schema owner (the migration account) builds the copy: the application's account has no DDL rights.
        TestDatabase.Server db = TestDatabase.get();
        JdbcTemplate jdbc =
                new JdbcTemplate(new DriverManagerDataSource(db.url(), db.migrationUsername(), db.migrationPassword()));
        for (String table : TABLES) {
            jdbc.execute("drop table if exists " + SCHEMA + "." + table);
            jdbc.execute("create table " + SCHEMA + "." + table + " like " + table);
            jdbc.execute("insert into " + SCHEMA + "." + table + " select * from " + table);
        }
        String d = doctor.doctorId().toString();
        String p = patient.patientId().toString();
        String s = SCHEMA + ".";
        jdbc.update("insert into " + s + "users (id, email, email_canonical, first_name, last_name, phone, "
                + "password_hash, status, email_verified, password_change_required, created_at, updated_at, version) "
                + "select concat('u-', n), concat('bulk-', n, '@explain.test'), concat('bulk-', n, '@explain.test'), "
                + "concat('F', n % 997), concat('L', n % 991), concat('+49228', lpad(n, 7, '0')), "
                + "'x', 'ACTIVE', true, false, date_add('2020-01-01', interval n minute), "
                + "date_add('2020-01-01', interval n minute), 0 from " + SEQ + " q where n < 30000");
        jdbc.update("insert into " + s + "auth_sessions (id, user_id, created_at, last_used_at, absolute_expires_at) "
                + "select concat('s-', n), concat('u-', n % 30000), '2026-01-01', '2026-01-01', '2027-01-01' from "
                + SEQ + " q where n < 30000");
        jdbc.update("insert into " + s + "doctors (id, user_id, created_at, updated_at, version) select "
                + "concat('d-', n), concat('u-', n), '2026-01-01', '2026-01-01', 0 from " + SEQ + " q where n < 500");
        jdbc.update("insert into " + s + "patients (id, user_id, first_name, last_name, date_of_birth, "
                + "insurance_number, created_at, updated_at, version) select concat('p-', n), concat('u-', 500 + n), "
                + "concat('F', n % 89), concat('L', n % 991), date_add('1950-01-01', interval n % 20000 day), "
                + "concat('INS-', lpad(n, 6, '0')), '2026-01-01', '2026-01-01', 0 from " + SEQ + " q where n < 20000");
        jdbc.update(
                "insert into " + s + "doctor_patient_links (doctor_id, patient_id, linked_at) select "
                        + "case when n < 200 then ? else concat('d-', n % 500) end, concat('p-', n), '2026-01-01' from "
                        + SEQ
                        + " q where n < 20000",
                d);
        // 100,000 appointments: 3,000 in the test doctor's own schedule, 300 of the test patient, the rest spread
        jdbc.update(
                "insert into " + s + "appointments (id, doctor_id, patient_id, starts_at, ends_at, status, "
                        + "created_at, created_by, updated_at, version) select concat('a-', n), "
                        + "case when n < 3000 then ? else concat('d-', n % 500) end, "
                        + "case when n >= 3000 and n < 3300 then ? else concat('p-', n % 20000) end, "
                        + "date_add('2025-01-01', interval n * 13 minute), date_add('2025-01-01', interval n * 13 + 10 minute), "
                        + "'COMPLETED', date_add('2025-01-01', interval n minute), 'x', '2025-01-01', 0 from " + SEQ
                        + " q",
                d,
                p);
        // the linked doctors' rows of those appointments, as bookings and links keep them
        jdbc.update("delete from " + s + "linked_patient_appointments");
        // straight_join: the tables were just filled and are not analysed yet; MySQL's plan from their stale
        // statistics ran for minutes
        jdbc.update("insert into " + s + "linked_patient_appointments (patient_id, appointment_id, doctor_id, "
                + "starts_at) select a.patient_id, a.id, l.doctor_id, a.starts_at from " + s
                + "appointments a straight_join " + s + "doctor_patient_links l on l.patient_id = a.patient_id "
                + "where l.removed_at is null");
        jdbc.update(
                "insert into " + s + "audit_events (occurred_at, actor_user_id, patient_id, resource_type, "
                        + "action, outcome) select date_add('2025-01-01', interval n second), "
                        + "case when n < 500 then ? else concat('u-', n % 30000) end, "
                        + "case when n < 1000 then ? else concat('p-', n % 20000) end, 'appointment', 'READ', 'ALLOW' from "
                        + SEQ + " q",
                doctor.account().id().toString(),
                p);
        // 100,000 images: 2,000 of the test patient, the rest spread over the seeded patients
        jdbc.update(
                "insert into " + s + "images (id, patient_id, storage_key, original_filename, content_type, "
                        + "size_bytes, sha256, live_sha256, uploaded_by, uploaded_at, modality, status, "
                        + "status_changed_at, updated_at, version) select concat('i-', n), "
                        + "case when n < 2000 then ? else concat('p-', n % 20000) end, concat('k-', n), 'x.png', "
                        + "'image/png', 1, lpad(n, 64, '0'), lpad(n, 64, '0'), 'x', "
                        + "date_add('2025-01-01', interval n minute), elt(1 + n % 4, 'CT', 'MR', 'XR', 'US'), "
                        + "elt(1 + n % 20, 'WAITING', 'FAILED', 'PROCESSING', 'PROCESSED', 'PROCESSED', 'PROCESSED', "
                        + "'PROCESSED', 'PROCESSED', 'PROCESSED', 'PROCESSED', 'PROCESSED', 'PROCESSED', 'PROCESSED', "
                        + "'PROCESSED', 'PROCESSED', 'PROCESSED', 'PROCESSED', 'PROCESSED', 'PROCESSED', 'PROCESSED'), "
                        + "'2025-01-01', '2025-01-01', 0 from " + SEQ + " q",
                p);
        // the linked doctors' rows of the live images, as uploads and links keep them
        jdbc.update("delete from " + s + "linked_patient_images");
        jdbc.update(
                "insert into " + s + "linked_patient_images (patient_id, image_id, doctor_id, uploaded_at) "
                        + "select i.patient_id, i.id, l.doctor_id, i.uploaded_at from " + s + "images i straight_join "
                        + s
                        + "doctor_patient_links l on l.patient_id = i.patient_id straight_join " + s + "patients p "
                        + "on p.id = i.patient_id where l.removed_at is null and i.deleted_at is null and p.deleted_at is null");
        for (String table : TABLES) {
            jdbc.execute("analyze table " + s + table);
        }
    }
}
