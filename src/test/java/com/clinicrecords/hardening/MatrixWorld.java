package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.imaging.TestFiles;
import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.shared.security.Roles;
import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.TestUsers;
import com.clinicrecords.support.TestUsers.Account;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A small clinic built through the real API: patient A with a linked doctor, another patient, an unlinked
 * doctor, an admin, an analysis service client (holding no lease on A's images), plus a visit, an appointment, an image, a custom role and a
 * specialization. Paths and body templates are filled from it.
 */
final class MatrixWorld {

    static final List<String> ROLES = List.of(
            "anonymous", "other_patient", "unlinked_doctor", "analysis_service", "patient", "linked_doctor", "admin");

    // Appointments go into a quiet future window of this world, so they never meet other tests' bookings.
    private static final Instant BASE = Instant.now()
            .plus(60, ChronoUnit.DAYS)
            .truncatedTo(ChronoUnit.DAYS)
            .plus((long) (Math.random() * 300), ChronoUnit.DAYS);

    static final String RESULT =
            "{\"imageSha256\":\"${imageSha}\",\"algorithmName\":\"matrix\",\"algorithmVersion\":\"1\",\"regions\":"
                    + "[{\"x\":1,\"y\":1,\"width\":5,\"height\":5,\"label\":\"nodule\",\"score\":0.5}],\"findings\":\"none\"}";

    final Map<String, String> vars = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final ApiClient api;
    private final String adminToken;
    private int round;

    MatrixWorld(ApiClient api, TestUsers users) {
        ClinicFixtures clinic = new ClinicFixtures(api, users);
        Account admin = clinic.admin();
        PatientAccount patient = clinic.patient();
        PatientAccount other = clinic.patient();
        DoctorAccount linked = clinic.doctor();
        DoctorAccount unlinked = clinic.doctor();
        clinic.link(linked, patient);
        Account victim = users.withRoles(Roles.PATIENT);
        tokens.put("patient", patient.token());
        tokens.put("other_patient", other.token());
        tokens.put("linked_doctor", linked.token());
        tokens.put("unlinked_doctor", unlinked.token());
        tokens.put("admin", admin.accessToken());
        tokens.put("analysis_service", serviceClientToken(api, admin.accessToken()));

        this.api = api;
        this.adminToken = admin.accessToken();
        vars.put("patientId", patient.patientId().toString());
        vars.put("otherPatientId", other.patientId().toString());
        vars.put("linkedDoctorId", linked.doctorId().toString());
        vars.put("unlinkedDoctorId", unlinked.doctorId().toString());
        vars.put("victimUserId", victim.id().toString());
        vars.put("password", TestUsers.PASSWORD);
        vars.put(
                "past",
                Instant.now()
                        .minus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        vars.put(
                "from",
                Instant.now()
                        .minus(1, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        vars.put(
                "to",
                Instant.now()
                        .plus(6, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        resetResources();
    }

    /**
     * New visit, appointment, image, role and specialization (cheap: no new accounts), for after a call that
     * changed one of them. Each round books a later slot so bookings never collide.
     */
    void resetResources() {
        round++;
        if (vars.containsKey("appointmentId")) {
            // A patient may hold only a few open future appointments: release the previous fixture's slot.
            api.post("/api/appointments/" + vars.get("appointmentId") + "/cancel")
                    .token(adminToken)
                    .send();
        }
        Instant start = BASE.plus(round * 4L, ChronoUnit.HOURS);
        vars.put("start", start.toString());
        vars.put("end", start.plus(30, ChronoUnit.MINUTES).toString());
        vars.put("laterStart", start.plus(2, ChronoUnit.HOURS).toString());
        vars.put("laterEnd", start.plus(150, ChronoUnit.MINUTES).toString());
        vars.put(
                "uniq",
                UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase());
        String patientId = vars.get("patientId");
        vars.put(
                "visitId",
                created(api.post("/api/patients/" + patientId + "/visits")
                        .token(token("linked_doctor"))
                        .json(fill("{\"visitedAt\":\"${past}\",\"notes\":\"check-up\"}"))
                        .send()));
        vars.put(
                "appointmentId",
                created(api.post("/api/appointments")
                        .token(token("patient"))
                        .json(fill("{\"doctorId\":\"${linkedDoctorId}\",\"patientId\":\"${patientId}\","
                                + "\"startsAt\":\"${start}\",\"endsAt\":\"${end}\",\"reason\":\"check\"}"))
                        .send()));
        byte[] png = TestFiles.png(3000 + round);
        vars.put("imageSha", sha256(png));
        vars.put(
                "imageId",
                created(api.post("/api/patients/" + patientId + "/images")
                        .token(token("patient"))
                        .header("X-Filename", "scan.png")
                        .bytes(png, "image/png")
                        .send()));
        vars.put(
                "resultId",
                created(api.post("/api/images/" + vars.get("imageId") + "/results")
                        .token(token("linked_doctor"))
                        .json(fill(RESULT))
                        .send()));
        JsonNode notifications =
                api.get("/api/notifications").token(token("patient")).send().json();
        JsonNode first = notifications.path("items").path(0);
        vars.put(
                "notificationId",
                first.isMissingNode()
                        ? UUID.randomUUID().toString()
                        : first.path("id").asString());
        vars.put(
                "roleId",
                created(api.post("/api/admin/roles")
                        .token(adminToken)
                        .json(fill("{\"name\":\"R_${uniq}\",\"permissions\":[\"users:read\"]}"))
                        .send()));
        vars.put("serviceClientId", serviceClientId(api, adminToken, vars.get("uniq")));
        vars.put(
                "specializationId",
                created(api.post("/api/admin/specializations")
                        .token(adminToken)
                        .json(fill("{\"name\":\"Spec ${uniq}\"}"))
                        .send()));
    }

    /** An analysis service client (client-credentials grant) that handles a modality no fixture image has. */
    private static String serviceClientToken(ApiClient api, String adminToken) {
        ApiResponse created = api.post("/api/admin/service-clients")
                .token(adminToken)
                .json(Map.of("name", "matrix worker", "modalities", List.of("MATRIXNONE")))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ApiResponse token = api.post("/api/auth/token")
                .form(Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        created.json().path("client").path("clientId").asString(),
                        "client_secret",
                        created.text("clientSecret")))
                .send();
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return token.text("access_token");
    }

    /** A service client for the admin endpoints to act on (not a caller: rotating or revoking it is harmless). */
    private static String serviceClientId(ApiClient api, String adminToken, String uniq) {
        ApiResponse created = api.post("/api/admin/service-clients")
                .token(adminToken)
                .json(Map.of("name", "matrix target " + uniq))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("client").path("id").asString();
    }

    String token(String role) {
        return tokens.get(role);
    }

    /** Replaces ${name} with the fixture value; unknown names stay visible so the failure message shows them. */
    String fill(String template) {
        Matcher m = Pattern.compile("\\$\\{([A-Za-z]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    /** The concrete path: each {variable} is the fixture it names in that position, else a random UUID. */
    String path(String template) {
        String[] parts = template.split("/");
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            out.append('/').append(part.startsWith("{") ? idFor(parts[i - 1], part) : part);
        }
        return out.toString();
    }

    private String idFor(String collection, String variable) {
        String key = switch (variable) {
            case "{patientId}" -> "patientId";
            case "{imageId}" -> "imageId";
            case "{doctorId}" -> "linkedDoctorId";
            default ->
                switch (collection) {
                    case "patients" -> "patientId";
                    case "visits" -> "visitId";
                    case "appointments" -> "appointmentId";
                    case "images" -> "imageId";
                    case "doctors" -> "linkedDoctorId";
                    case "users" -> "victimUserId";
                    case "roles" -> "roleId";
                    case "specializations" -> "specializationId";
                    case "results" -> "resultId";
                    case "notifications" -> "notificationId";
                    case "service-clients" -> "serviceClientId";
                    default -> null;
                };
        };
        return key == null ? UUID.randomUUID().toString() : vars.get(key);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.text("id");
    }
}
