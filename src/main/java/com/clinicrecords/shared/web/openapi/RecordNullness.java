package com.clinicrecords.shared.web.openapi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers, for every record turned into a schema, which JSON properties are never null: every component
 * except those annotated {@code @Nullable} (any annotation of that simple name, e.g. JSpecify's) or typed
 * {@code Optional}. {@link ApiDocumentCustomizer} then lists them as {@code required} on the schemas that
 * responses use, so generated clients get non-optional fields (the API omits nulls:
 * {@code default-property-inclusion: non_null}).
 */
@Component
class RecordNullness implements ModelConverter {

    /**
     * Static on purpose: swagger-core registers model converters in a JVM-wide registry and caches resolved
     * models there, so when several application contexts share a JVM (tests), the instance that resolved a record
     * may not be this context's. What is recorded depends only on the record class, so sharing it is correct.
     */
    private static final Map<String, List<String>> nonNullBySchema = new ConcurrentHashMap<>();

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = rawClass(type.getType());
        if (schema != null && raw != null && raw.isRecord()) {
            String name = schemaName(schema);
            if (name != null) {
                nonNullBySchema.put(name, nonNull(raw));
            }
        }
        return schema;
    }

    /** The never-null JSON property names of the record behind a component schema, if known. */
    Optional<List<String>> nonNull(String schemaName) {
        return Optional.ofNullable(nonNullBySchema.get(schemaName));
    }

    private static List<String> nonNull(Class<?> record) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)
                    || component.getType() == Optional.class
                    || nullable(component)) {
                continue;
            }
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            names.add(renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName());
        }
        return names;
    }

    private static boolean nullable(RecordComponent component) {
        if (component.getType().isPrimitive()) {
            return false;
        }
        return Arrays.stream(component.getAnnotations()).anyMatch(RecordNullness::isNullable)
                || Arrays.stream(component.getAnnotatedType().getAnnotations()).anyMatch(RecordNullness::isNullable)
                || Arrays.stream(component.getAccessor().getAnnotations()).anyMatch(RecordNullness::isNullable);
    }

    private static boolean isNullable(Annotation annotation) {
        return "Nullable".equals(annotation.annotationType().getSimpleName());
    }

    private static String schemaName(Schema<?> schema) {
        if (schema.get$ref() != null) {
            String ref = schema.get$ref();
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        return schema.getName();
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof com.fasterxml.jackson.databind.JavaType javaType) {
            return javaType.getRawClass();
        }
        return null;
    }
}
