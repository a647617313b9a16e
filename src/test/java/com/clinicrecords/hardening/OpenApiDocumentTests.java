package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.hardening.OpenApiOperations.Operation;
import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API contract, checked on the live document: committed as {@code docs/openapi.json} (regenerate with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTests -Dopenapi.update=true}), no {@code *}{@code /*} media type,
 * meaningful unique operationIds, no untyped object schema, Problem bodies for every error, and no security on
 * public operations. Whether the documented success statuses and required fields are what handlers really
 * send is checked by {@link AuthorizationMatrixTests}, which calls every operation.
 */
class OpenApiDocumentTests extends IntegrationTest {

    static final Path COMMITTED = Path.of("docs", "openapi.json");
    static final Path OUT = Path.of("target", "openapi");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldMatchTheCommittedDocument() throws IOException {
        String live = pretty(canonical(document(), ""));
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("live.json"), live);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        String report =
                committed.isEmpty() || committed.equals(live) ? "No changes.\n" : breakingChanges(committed, live);
        Files.writeString(OUT.resolve("breaking-changes.txt"), report);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, live, StandardCharsets.UTF_8);
            System.out.println("docs/openapi.json regenerated. Changes against the previous version:\n" + report);
            return;
        }
        assertThat(committed)
                .as("docs/openapi.json differs from the live document. Review the change, then regenerate it with"
                        + " ./mvnw test -Dtest=OpenApiDocumentTests -Dopenapi.update=true"
                        + " (target/openapi/live.json is the live one). Changes:\n" + report)
                .isEqualTo(live);
    }

    /** openapi-diff's report of the change; incompatible (breaking) changes are flagged at the top. */
    static String breakingChanges(String committed, String live) {
        try {
            ChangedOpenApi diff = OpenApiCompare.fromContents(committed, live);
            String verdict = diff.isIncompatible()
                    ? "BREAKING: clients generated from the committed document may fail against the new one.\n"
                    : diff.isUnchanged() ? "No API change (formatting only).\n" : "Compatible changes only.\n";
            return verdict + new ConsoleRender().render(diff);
        } catch (RuntimeException e) {
            return "openapi-diff could not compare the documents: " + e + "\n";
        }
    }

    @Test
    void shouldNeverUseWildcardMediaTypes() {
        List<String> wildcard = new ArrayList<>();
        walk(document(), "#", (pointer, node) -> {
            if (pointer.endsWith("/content") && node.has("*/*")) {
                wildcard.add(pointer);
            }
        });
        assertThat(wildcard).as("contents typed */*").isEmpty();
    }

    @Test
    void shouldGiveEveryOperationAMeaningfulUniqueId() {
        Set<String> seen = new HashSet<>();
        List<String> bad = new ArrayList<>();
        for (Operation op : OpenApiOperations.load(api)) {
            String id = op.node().path("operationId").asString("");
            if (id.isBlank() || id.matches(".*_\\d+$") || !id.matches("[a-z][A-Za-z0-9]*") || !seen.add(id)) {
                bad.add(op.key() + " -> '" + id + "'");
            }
        }
        assertThat(bad).as("missing, suffixed, odd or duplicate operationIds").isEmpty();
    }

    @Test
    void shouldTypeEverySchema() {
        List<String> untyped = new ArrayList<>();
        JsonNode doc = document();
        walk(doc, "#", (pointer, node) -> {
            if (isSchemaPointer(pointer) && untyped(node)) {
                untyped.add(pointer);
            }
        });
        assertThat(untyped).as("schemas without a type, $ref or properties").isEmpty();
    }

    @Test
    void shouldAnswerEveryErrorWithAProblem() {
        JsonNode doc = document();
        List<String> bad = new ArrayList<>();
        for (Operation op : OpenApiOperations.load(api)) {
            for (Map.Entry<String, JsonNode> response :
                    op.node().path("responses").properties()) {
                if (!response.getKey().matches("[45]\\d\\d")) {
                    continue;
                }
                JsonNode resolved = response.getValue().has("$ref")
                        ? doc.at(response.getValue().path("$ref").asString().substring(1))
                        : response.getValue();
                JsonNode media = resolved.path("content").path("application/problem+json");
                if (!media.path("schema").path("$ref").asString("").equals("#/components/schemas/Problem")
                        || media.path("examples").isEmpty()) {
                    bad.add(op.key() + " " + response.getKey());
                }
            }
            if (op.node().path("responses").properties().stream()
                    .noneMatch(e -> e.getKey().startsWith("2"))) {
                bad.add(op.key() + " has no success response");
            }
        }
        assertThat(bad).as("error responses without a Problem body and example").isEmpty();
        JsonNode problem = doc.at("/components/schemas/Problem/properties");
        for (String field : List.of("type", "title", "status", "detail", "instance", "requestId", "timestamp")) {
            assertThat(problem.path(field).path("type").asString(""))
                    .as("Problem." + field)
                    .isNotBlank();
        }
        assertThat(problem.path("errors").path("type").asString()).isEqualTo("array");
    }

    /**
     * Public means: called without any credentials, the security layer lets it through (whatever the handler
     * then says: 400 for an empty body, 401 invalid-refresh-token...). Everything else must document security.
     */
    @Test
    void shouldDocumentPublicOperationsWithoutSecurity() {
        List<String> bad = new ArrayList<>();
        for (Operation op : OpenApiOperations.load(api)) {
            String path = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            ApiClient.Call call = api.method(op.method(), path);
            if (op.hasJsonBody()) {
                call.json("{}");
            }
            ApiResponse anonymous = call.send();
            boolean isPublic = !(anonymous.status() == 401 && "/problems/unauthorized".equals(anonymous.text("type")));
            JsonNode security = op.node().path("security");
            boolean documentsNone = security.isArray() && security.isEmpty();
            if (isPublic != documentsNone) {
                bad.add(op.key()
                        + (isPublic
                                ? " is public but documents security " + security
                                : " needs a token" + " but documents none"));
            }
        }
        assertThat(bad).isEmpty();
    }

    private JsonNode document() {
        ApiResponse docs = api.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        return docs.json();
    }

    /**
     * Keys (and tags) sorted, so the committed file does not depend on the order in which handlers were found;
     * except the media types of a {@code content}: generators use the first one (multipart before a raw body).
     */
    static JsonNode canonical(JsonNode node, String key) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            List<String> names = new ArrayList<>(node.propertyNames());
            if (!"content".equals(key)) {
                names.sort(null);
            }
            names.forEach(name -> sorted.set(name, canonical(node.get(name), name)));
            return sorted;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item, "")));
            if ("tags".equals(key)) { // listed in the order controllers were found: not stable
                items.sort(java.util.Comparator.comparing(
                        t -> t.isObject() ? t.path("name").asString() : t.asString()));
            }
            ArrayNode copy = JSON.createArrayNode();
            items.forEach(copy::add);
            return copy;
        }
        return node;
    }

    static String pretty(JsonNode node) {
        return JSON.writer()
                        .with(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")))
                        .writeValueAsString(node)
                + "\n";
    }

    interface Visitor {
        void visit(String pointer, JsonNode node);
    }

    static void walk(JsonNode node, String pointer, Visitor visitor) {
        visitor.visit(pointer, node);
        if (node.isObject()) {
            node.properties()
                    .forEach(e -> walk(
                            e.getValue(),
                            pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
                            visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    private static boolean isSchemaPointer(String pointer) {
        return pointer.endsWith("/schema")
                || pointer.matches(".*/components/schemas/[^/]+")
                || pointer.matches(".*/properties/[^/]+")
                || pointer.endsWith("/items")
                || pointer.endsWith("/additionalProperties");
    }

    /** {} or type: object without properties or additionalProperties: a client can only see "unknown". */
    private static boolean untyped(JsonNode schema) {
        if (!schema.isObject()) {
            return false;
        }
        if (schema.has("$ref") || schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")) {
            return false;
        }
        String type = schema.path("type").asString("");
        if (type.isEmpty()) {
            return true;
        }
        return type.equals("object") && !schema.has("properties") && !schema.has("additionalProperties");
    }
}
