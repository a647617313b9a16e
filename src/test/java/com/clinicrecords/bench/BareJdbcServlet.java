package com.clinicrecords.bench;

import com.clinicrecords.identity.persistence.CallerQueries;
import com.clinicrecords.patients.persistence.PatientReads;
import com.clinicrecords.patients.persistence.PatientVisibility;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The baselines: {@code GET /bench/jdbc/patients/{id}} and {@code GET /bench/jdbc/appointments?doctorId=}
 * read the same rows as the API with one prepared statement each and hand-written JSON (the floor).
 * {@code GET /bench/jdbc/api-statements/patients/{id}?uid=&sid=} runs, over plain JDBC, the statements the API
 * itself needs for that read: the caller (session and account, with the roles kept per account version as the
 * API does) with the patient and its access facts read along, and the audit insert, so framework overhead and
 * extra SQL show apart.
 */
class BareJdbcServlet extends HttpServlet {

    private static final String PATIENT = "select id, first_name, last_name, date_of_birth, gender, room, bed "
            + "from patients where id = ? and deleted_at is null";
    private static final String APPOINTMENTS = "select id, patient_id, starts_at, ends_at, status from appointments "
            + "where doctor_id = ? order by starts_at desc limit 20";

    /** Account id -> its roles as of one account version, as the API keeps them. */
    private final Map<String, KnownRoles> knownRoles = new ConcurrentHashMap<>();

    /** The API's patient statement (its access facts from the same joins), with the baseline's columns. */
    private static final String PATIENT_WITH_FACTS = "select p.id, p.first_name, p.last_name, p.date_of_birth, "
            + "p.gender, p.room, p.bed, p.user_id, p.deleted_at is null, " + PatientVisibility.CALLER_LINKED_SQL
            + " from patients p " + PatientVisibility.CALLER_LINK_OF_P_SQL + " where p.id = ?";

    /** The API's caller statement of a known account with the patient read along. */
    private static final String CALLER_WITH_PATIENT = CallerQueries.withReadAlong(PatientReads.RECORD_ALONG);

    private static final String AUDIT = "insert into audit_events (occurred_at, actor_user_id, actor_roles, "
            + "patient_id, resource_type, resource_id, action, outcome, request_id, client_ip, detail) "
            + "values (?, ?, ?, ?, 'Patient', ?, 'READ', 'ALLOW', ?, ?, null)";

    private final transient DataSource dataSource;

    BareJdbcServlet(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try (Connection c = dataSource.getConnection()) {
            String json;
            if (path.startsWith("/api-statements/patients/")) {
                json = apiStatements(
                        c,
                        path.substring("/api-statements/patients/".length()),
                        request.getParameter("uid"),
                        request.getParameter("sid"),
                        request.getRemoteAddr());
            } else if (path.startsWith("/patients/")) {
                json = patient(c, path.substring("/patients/".length()));
            } else if (path.equals("/fixtures")) {
                json = fixtures(c);
            } else if (path.equals("/appointments")) {
                json = appointments(c, request.getParameter("doctorId"));
            } else {
                json = null;
            }
            if (json == null) {
                response.sendError(404);
                return;
            }
            response.setContentType("application/json");
            response.getWriter().write(json);
        } catch (SQLException e) {
            response.sendError(503);
        }
    }

    private static String patient(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PATIENT)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? json(rs, 1, 2, 3, 4, 5, 6, 7) : null;
            }
        }
    }

    /**
     * The API's statements for one patient read, each in auto-commit mode like the API's read path: for an
     * account whose roles are known at its current version, the caller's statement with the patient read along
     * ({@link PatientReads#RECORD_ALONG}); otherwise the caller with its roles, then the patient.
     */
    private String apiStatements(Connection c, String id, String userId, String sessionId, String ip)
            throws SQLException {
        KnownRoles known = knownRoles.get(userId);
        String json = null;
        if (known != null) {
            try (PreparedStatement ps = c.prepareStatement(CALLER_WITH_PATIENT)) {
                ps.setString(1, id);
                ps.setString(2, userId);
                ps.setString(3, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || refused(rs, userId)) {
                        return null;
                    }
                    if (known.accountVersion() == rs.getLong(8)) {
                        // the record's columns from 9: id, user_id, first_name, last_name, date_of_birth, gender,
                        // insurance_number, room, bed, ... then live (23) and linked (24)
                        if (rs.getString(9) == null
                                || !readable(rs.getBoolean(23), rs.getBoolean(24), userId, rs, 10)) {
                            return null;
                        }
                        json = json(rs, 9, 11, 12, 13, 14, 16, 17);
                    }
                }
            }
        }
        if (json == null) {
            StringBuilder roles = new StringBuilder();
            long version = -1;
            try (PreparedStatement ps = c.prepareStatement(CallerQueries.CALLER)) {
                ps.setString(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (refused(rs, userId)) {
                            return null;
                        }
                        version = rs.getLong(8);
                        if (rs.getString(10) != null && roles.indexOf(rs.getString(10)) < 0) {
                            roles.append(roles.length() == 0 ? "" : ",").append(rs.getString(10));
                        }
                    }
                }
            }
            if (version < 0) {
                return null;
            }
            known = new KnownRoles(version, roles.toString());
            knownRoles.put(userId, known);
            try (PreparedStatement ps = c.prepareStatement(PATIENT_WITH_FACTS)) {
                ps.setString(1, userId);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !readable(rs.getBoolean(9), rs.getBoolean(10), userId, rs, 8)) {
                        return null;
                    }
                    json = json(rs, 1, 2, 3, 4, 5, 6, 7);
                }
            }
        }
        String roles = known.roles();
        try (PreparedStatement ps = c.prepareStatement(AUDIT)) {
            ps.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
            ps.setString(2, userId);
            ps.setString(3, roles);
            ps.setString(4, id);
            ps.setString(5, id);
            ps.setString(6, UUID.randomUUID().toString());
            ps.setString(7, ip);
            ps.executeUpdate();
        }
        return json;
    }

    /** The API's rule for a doctor or the patient themself: live, and linked or the patient's own account. */
    private static boolean readable(boolean live, boolean linked, String userId, ResultSet rs, int ownerColumn)
            throws SQLException {
        return live && (linked || userId.equals(rs.getString(ownerColumn)));
    }

    /** The baseline's JSON from these columns: id, first and last name, date of birth, gender, room, bed. */
    private static String json(ResultSet rs, int... columns) throws SQLException {
        return "{\"id\":\"" + rs.getString(columns[0]) + "\",\"firstName\":\"" + rs.getString(columns[1])
                + "\",\"lastName\":\"" + rs.getString(columns[2]) + "\",\"dateOfBirth\":\""
                + rs.getString(columns[3]) + "\",\"gender\":\"" + rs.getString(columns[4]) + "\",\"room\":\""
                + rs.getString(columns[5]) + "\",\"bed\":\"" + rs.getString(columns[6]) + "\"}";
    }

    /** Ids and accounts the load driver needs: the first 16 doctors with their emails and 100 patients each. */
    private static String fixtures(Connection c) throws SQLException {
        StringBuilder json = new StringBuilder("{\"password\":\"" + BenchSeeder.PASSWORD + "\",\"admin\":\""
                + BenchSeeder.ADMIN_EMAIL + "\",\"doctors\":[");
        String doctors = "select d.id, u.email from doctors d join users u on u.id = d.user_id "
                + "where u.email like 'bench-doctor-%' order by u.email limit 16";
        try (PreparedStatement ps = c.prepareStatement(doctors);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                        .append("{\"id\":\"")
                        .append(rs.getString(1))
                        .append("\",\"email\":\"")
                        .append(rs.getString(2))
                        .append("\",\"patients\":[")
                        .append(patientsOf(c, rs.getString(1)))
                        .append("]}");
            }
        }
        return json.append("]}").toString();
    }

    private static String patientsOf(Connection c, String doctorId) throws SQLException {
        StringBuilder ids = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(
                "select patient_id from doctor_patient_links where doctor_id = ? order by patient_id limit 100")) {
            ps.setString(1, doctorId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.append(ids.length() == 0 ? "" : ",")
                            .append('"')
                            .append(rs.getString(1))
                            .append('"');
                }
            }
        }
        return ids.toString();
    }

    private static String appointments(Connection c, String doctorId) throws SQLException {
        StringBuilder json = new StringBuilder("[");
        try (PreparedStatement ps = c.prepareStatement(APPOINTMENTS)) {
            ps.setString(1, doctorId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    json.append(json.length() > 1 ? "," : "")
                            .append("{\"id\":\"")
                            .append(rs.getString(1))
                            .append("\",\"patientId\":\"")
                            .append(rs.getString(2))
                            .append("\",\"startsAt\":\"")
                            .append(rs.getString(3))
                            .append("\",\"endsAt\":\"")
                            .append(rs.getString(4))
                            .append("\",\"status\":\"")
                            .append(rs.getString(5))
                            .append("\"}");
                }
            }
        }
        return json.append(']').toString();
    }

    /** A caller row (either caller statement) of another account, a revoked session or an account not active. */
    private static boolean refused(ResultSet rs, String userId) throws SQLException {
        return !userId.equals(rs.getString(1)) || rs.getObject(4) != null || !"ACTIVE".equals(rs.getString(6));
    }

    /** An account's role names (comma-separated, for the audit row) as of one account version. */
    private record KnownRoles(long accountVersion, String roles) {}
}
