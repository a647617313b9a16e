package com.clinicrecords.hardening;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the checked-in authorization matrix and body templates, and matches statuses against it. */
final class MatrixTable {

    /** Column order of the checked-in table (the calls themselves run denied-first, see MatrixWorld.ROLES). */
    static final List<String> COLUMNS = List.of(
            "anonymous", "patient", "other_patient", "linked_doctor", "unlinked_doctor", "admin", "analysis_service");

    private MatrixTable() {}

    static Map<String, Map<String, String>> load() throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> lines = AuthorizationMatrixTests.resource("authorization-matrix.csv")
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
        String[] header = lines.get(0).split(",");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 2; i < header.length; i++) {
                expected.put(header[i].trim(), cells[i].trim());
            }
            rows.put(cells[0].trim() + " " + cells[1].trim(), expected);
        }
        return rows;
    }

    static Map<String, String> bodies() throws IOException {
        JsonNode root = JsonMapper.builder()
                .build()
                .readTree(AuthorizationMatrixTests.resource("authorization-matrix-bodies.json"));
        Map<String, String> bodies = new LinkedHashMap<>();
        root.properties()
                .forEach(e -> bodies.put(
                        e.getKey(),
                        e.getValue().isString()
                                ? e.getValue().asString()
                                : e.getValue().toString()));
        return bodies;
    }

    static boolean matches(String expected, int status) {
        if (expected == null || status >= 500) {
            return false;
        }
        for (String option : expected.split("\\|")) {
            boolean ok = switch (option) {
                case "any" -> true;
                case "2xx" -> status >= 200 && status < 300;
                case "4xx" -> status >= 400 && status < 500;
                case "ok" -> status < 300 || (status >= 400 && status != 401 && status != 403 && status != 404);
                default -> option.equals(String.valueOf(status));
            };
            if (ok) {
                return true;
            }
        }
        return false;
    }

    static String render(Map<String, Map<String, Integer>> observed) {
        StringBuilder out = new StringBuilder("method,path");
        COLUMNS.forEach(r -> out.append(',').append(r));
        out.append('\n');
        observed.forEach((key, byRole) -> {
            out.append(key.replaceFirst(" ", ","));
            COLUMNS.forEach(r -> {
                int s = byRole.get(r);
                out.append(',').append(s < 300 ? "2xx" : String.valueOf(s));
            });
            out.append('\n');
        });
        return out.toString();
    }
}
