package com.clinicrecords.shared.web.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Whole-document touches after springdoc has built the paths: the typed {@code Problem} schema and one
 * reusable response per error status, {@code required} on the schemas responses use (from
 * {@link RecordNullness}), no {@code *}{@code /*} media type left anywhere, and schemas sorted by name so the
 * committed document only changes when the API does.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class ApiDocumentCustomizer implements GlobalOpenApiCustomizer {

    private final RecordNullness nullness;

    ApiDocumentCustomizer(RecordNullness nullness) {
        this.nullness = nullness;
    }

    @Override
    public void customise(OpenAPI openApi) {
        boolean v31 = openApi.getSpecVersion() == SpecVersion.V31;
        ModelConverters.getInstance(v31)
                .readAll(new AnnotatedType(ProblemSchema.class))
                .forEach(openApi.getComponents()::addSchemas);
        ProblemResponses.KINDS
                .keySet()
                .forEach(status -> openApi.getComponents()
                        .addResponses(ProblemResponses.KINDS.get(status).name(), ProblemResponses.component(status)));
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(ApiDocumentCustomizer::noAny));
        }
        markRequired(openApi);
        if (openApi.getComponents().getSchemas() != null) {
            openApi.getComponents()
                    .setSchemas(new java.util.LinkedHashMap<>(
                            new TreeMap<>(openApi.getComponents().getSchemas())));
        }
    }

    private static void noAny(Operation operation) {
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(r -> {
                if (r.getContent() != null) {
                    r.setContent(OperationDocumentation.jsonInsteadOfAny(r.getContent()));
                }
            });
        }
    }

    /** Every schema reachable from a 2xx response gets its record's never-null properties as required. */
    private void markRequired(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null || openApi.getPaths() == null) {
            return;
        }
        Deque<Schema<?>> todo = new ArrayDeque<>();
        openApi.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(op -> {
                    if (op.getResponses() != null) {
                        op.getResponses().forEach((code, response) -> {
                            if (code.startsWith("2")) {
                                content(response).values().forEach(media -> {
                                    if (media.getSchema() != null) {
                                        todo.add(media.getSchema());
                                    }
                                });
                            }
                        });
                    }
                }));
        Set<String> visited = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            Schema<?> schema = todo.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                Schema<?> target = schemas.get(name);
                if (target != null && visited.add(name)) {
                    nullness.nonNull(name).ifPresent(names -> require(target, names));
                    todo.add(target);
                }
                continue;
            }
            if (schema.getItems() != null) {
                todo.add(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                todo.add(values);
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(todo::add);
            }
            if (schema.getAllOf() != null) {
                schema.getAllOf().forEach(todo::add);
            }
        }
    }

    private static void require(Schema<?> schema, List<String> names) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
        for (String name : names) {
            if (schema.getProperties().containsKey(name) && !required.contains(name)) {
                required.add(name);
            }
        }
        schema.setRequired(required.isEmpty() ? null : required);
    }

    private static Content content(ApiResponse response) {
        return response.getContent() == null ? new Content() : response.getContent();
    }
}
