package com.clinicrecords.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The baseline: {@code GET /bench/jdbc/patients/{id}} and {@code GET /bench/jdbc/appointments?doctorId=}
 * read the same rows as the API with one prepared statement each and hand-written JSON.
 */
class BareJdbcServlet extends HttpServlet {

    private static final String PATIENT = "select id, first_name, last_name, date_of_birth, gender, room, bed "
            + "from patients where id = ? and deleted_at is null";
    private static final String APPOINTMENTS = "select id, patient_id, starts_at, ends_at, status from appointments "
            + "where doctor_id = ? order by starts_at desc limit 20";

    private final transient DataSource dataSource;

    BareJdbcServlet(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try (Connection c = dataSource.getConnection()) {
            String json;
            if (path.startsWith("/patients/")) {
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
                if (!rs.next()) {
                    return null;
                }
                return "{\"id\":\"" + rs.getString(1) + "\",\"firstName\":\"" + rs.getString(2) + "\",\"lastName\":\""
                        + rs.getString(3) + "\",\"dateOfBirth\":\"" + rs.getString(4) + "\",\"gender\":\""
                        + rs.getString(5) + "\",\"room\":\"" + rs.getString(6) + "\",\"bed\":\"" + rs.getString(7)
                        + "\"}";
            }
        }
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
}
