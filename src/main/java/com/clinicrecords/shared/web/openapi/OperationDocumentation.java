package com.clinicrecords.shared.web.openapi;

import com.clinicrecords.shared.web.ConditionalGetAdvice;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Makes every operation say what its handler really does, with no annotation per endpoint:
 * <ul>
 *   <li>operationId {@code <controller><Method>} (e.g. {@code appointmentBook}): stable and unique without the
 *       {@code _1} suffixes springdoc adds when two handlers share a method name;</li>
 *   <li>the success statuses and response headers read from the handler ({@link HandlerFacts}), 204 without
 *       a body;</li>
 *   <li>the error responses it can give, derived from its shape (parameters, body, If-Match, Range, path
 *       variables) plus those declared with {@code @ApiResponse(responseCode = "409")}, each as a Problem.</li>
 * </ul>
 */
@Component
class OperationDocumentation implements OperationCustomizer {

    private static final Set<Integer> ALWAYS = Set.of(401, 403, 500, 503);

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Method method = handler.getMethod();
        operation.setOperationId(operationId(operation, handler));
        if (operation.getParameters() != null) {
            // A header documented with @Parameter(in = HEADER, name = ..) alone has no schema: invalid OpenAPI.
            operation.getParameters().stream()
                    .filter(p -> p.getSchema() == null && p.getContent() == null && p.get$ref() == null)
                    .forEach(p -> p.setSchema(new StringSchema()));
        }
        HandlerFacts facts = HandlerFacts.of(method);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponses result = new ApiResponses();
        successResponses(responses, conditional(operation, handler, facts), method)
                .forEach(result::addApiResponse);
        errorResponses(operation, responses, facts).forEach(result::addApiResponse);
        operation.setResponses(result);
        return operation;
    }

    /**
     * A GET of a versioned record (see {@link ConditionalGetAdvice}) or of a handler that checks
     * {@code If-None-Match} itself answers 304 to a matching If-None-Match and carries an ETag.
     */
    private static HandlerFacts conditional(Operation operation, HandlerMethod handler, HandlerFacts facts) {
        if (!AnnotatedElementUtils.hasAnnotation(handler.getMethod(), GetMapping.class)) {
            return facts;
        }
        Class<?> body = ResolvableType.forMethodReturnType(handler.getMethod()).getRawClass();
        if (body == ResponseEntity.class) {
            body = ResolvableType.forMethodReturnType(handler.getMethod())
                    .getGeneric(0)
                    .getRawClass();
        }
        boolean versioned = ConditionalGetAdvice.isVersioned(body);
        if (!versioned && !facts.headers().contains(HttpHeaders.ETAG)) {
            return facts;
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (!hasHeader(parameters, HttpHeaders.IF_NONE_MATCH)) {
            operation.addParametersItem(new Parameter()
                    .in("header")
                    .name(HttpHeaders.IF_NONE_MATCH)
                    .description("ETag of a copy already held: 304 Not Modified when it is still current")
                    .required(false)
                    .schema(new StringSchema()));
        }
        Set<Integer> statuses = new TreeSet<>(facts.statuses());
        statuses.add(304);
        if (facts.statuses().isEmpty()) {
            statuses.add(200);
        }
        Set<String> headers = new TreeSet<>(facts.headers());
        headers.add(HttpHeaders.ETAG);
        return new HandlerFacts(statuses, headers, facts.errors());
    }

    /** An explicit {@code @Operation(operationId = ..)} wins; otherwise controller name + method name. */
    static String operationId(Operation operation, HandlerMethod handler) {
        io.swagger.v3.oas.annotations.Operation annotation =
                handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (annotation != null && StringUtils.hasText(annotation.operationId())) {
            return annotation.operationId();
        }
        String controller = handler.getBeanType().getSimpleName();
        int cut = controller.indexOf("Controller");
        if (cut > 0) {
            controller = controller.substring(0, cut);
        }
        int proxy = controller.indexOf("$$");
        if (proxy > 0) {
            controller = controller.substring(0, proxy);
        }
        return StringUtils.uncapitalize(controller)
                + StringUtils.capitalize(handler.getMethod().getName());
    }

    private static Map<String, ApiResponse> successResponses(ApiResponses declared, HandlerFacts facts, Method method) {
        // The body's content as springdoc built it. When a method declares @ApiResponse for some error status,
        // springdoc puts the return type's content there instead of on a 2xx; take it from wherever it is.
        ApiResponse template = declared.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .filter(r -> r.getContent() != null
                        && !r.getContent().isEmpty()
                        && !r.getContent().containsKey(ProblemResponses.PROBLEM_JSON))
                .findFirst()
                .orElse(new ApiResponse());
        Set<Integer> statuses = new TreeSet<>(facts.statuses());
        // Statuses declared with @ApiResponse(responseCode = "2xx") are kept as declared.
        declared.keySet().stream()
                .filter(k -> k.startsWith("2"))
                .filter(k -> !facts.statuses().isEmpty() && !"200".equals(k))
                .forEach(k -> statuses.add(Integer.parseInt(k)));
        if (statuses.isEmpty()) {
            ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(method, ResponseStatus.class);
            statuses.add(annotated != null ? annotated.code().value() : 200);
        }
        Map<String, ApiResponse> result = new java.util.LinkedHashMap<>();
        for (int status : statuses) {
            ApiResponse declaredOne = declared.get(String.valueOf(status));
            ApiResponse source = declaredOne != null ? declaredOne : template;
            ApiResponse response = new ApiResponse().description(description(source, status));
            if (status == 304) {
                result.put(
                        "304",
                        new ApiResponse()
                                .description("Not Modified: the If-None-Match ETag is current")
                                .addHeaderObject(HttpHeaders.ETAG, header(HttpHeaders.ETAG)));
                continue;
            }
            if (status != 204
                    && source.getContent() != null
                    && !source.getContent().isEmpty()) {
                response.setContent(jsonInsteadOfAny(source.getContent()));
            }
            if (source.getHeaders() != null) {
                source.getHeaders().forEach(response::addHeaderObject);
            }
            for (String header : facts.headers()) {
                if (documents(header, status, statuses)) {
                    response.addHeaderObject(header, header(header));
                }
            }
            result.put(String.valueOf(status), response);
        }
        return result;
    }

    /** Content-Range only on 206; no Location or ETag on 204. */
    private static boolean documents(String header, int status, Set<Integer> statuses) {
        return switch (header) {
            case HttpHeaders.CONTENT_RANGE -> status == 206;
            case HttpHeaders.LOCATION, HttpHeaders.ETAG -> status != 204;
            default -> true;
        };
    }

    private static String description(ApiResponse source, int status) {
        String text = source.getDescription();
        return StringUtils.hasText(text) && !"OK".equals(text) && !"default response".equals(text)
                ? text
                : HttpStatus.valueOf(status).getReasonPhrase();
    }

    static Content jsonInsteadOfAny(Content content) {
        Content result = new Content();
        content.forEach((type, media) -> result.addMediaType("*/*".equals(type) ? "application/json" : type, media));
        return result;
    }

    private static Header header(String name) {
        return switch (name) {
            case HttpHeaders.LOCATION ->
                new Header()
                        .description("URL of the created (or existing) resource")
                        .schema(new StringSchema());
            case HttpHeaders.ETAG ->
                new Header()
                        .description("Version of the representation; send it back in If-Match (updates) "
                                + "or If-None-Match (reads)")
                        .schema(new StringSchema());
            case HttpHeaders.CONTENT_RANGE ->
                new Header().description("bytes <first>-<last>/<size>").schema(new StringSchema());
            case HttpHeaders.ACCEPT_RANGES -> new Header().description("bytes").schema(new StringSchema());
            case HttpHeaders.RETRY_AFTER ->
                new Header().description("Seconds to wait").schema(new IntegerSchema());
            case HttpHeaders.SET_COOKIE ->
                new Header()
                        .description("The HttpOnly refresh-token cookie (path /api/auth), or its removal")
                        .schema(new StringSchema());
            case HttpHeaders.CONTENT_DISPOSITION ->
                new Header().description("attachment; filename*=UTF-8''<name>").schema(new StringSchema());
            case "X-Upload-Duplicate" ->
                new Header()
                        .description("true: these bytes were already stored; the existing image is returned and"
                                + " this upload's metadata was not applied")
                        .schema(new StringSchema()._enum(List.of("true")));
            default -> new Header().schema(new StringSchema());
        };
    }

    private static Map<String, ApiResponse> errorResponses(
            Operation operation, ApiResponses declared, HandlerFacts facts) {
        Set<Integer> statuses = new TreeSet<>(ALWAYS);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (body || !parameters.isEmpty()) {
            statuses.add(400);
        }
        if (body) {
            statuses.add(413);
            statuses.add(415);
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            statuses.add(404);
        }
        if (hasHeader(parameters, HttpHeaders.IF_MATCH)) {
            statuses.add(412);
        }
        if (hasHeader(parameters, HttpHeaders.RANGE)) {
            statuses.add(416);
        }
        statuses.addAll(facts.errors());
        declared.keySet().stream()
                .filter(k -> k.matches("[45]\\d\\d"))
                .map(Integer::parseInt)
                .forEach(statuses::add);
        Map<String, ApiResponse> result = new java.util.LinkedHashMap<>();
        for (int status : statuses) {
            ApiResponse explicit = declared.get(String.valueOf(status));
            if (explicit != null && ProblemResponses.KINDS.containsKey(status)) {
                ApiResponse component = ProblemResponses.component(status);
                String text = explicit.getDescription();
                result.put(
                        String.valueOf(status),
                        component.description(StringUtils.hasText(text) ? text : component.getDescription()));
            } else if (explicit != null) {
                result.put(String.valueOf(status), explicit.content(ProblemResponses.content(status)));
            } else {
                result.put(String.valueOf(status), new ApiResponse().$ref(ProblemResponses.ref(status)));
            }
        }
        return result;
    }

    private static boolean hasHeader(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
    }
}
