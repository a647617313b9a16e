package com.clinicrecords.shared.web;

import java.lang.reflect.RecordComponent;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Conditional reads for every record: a GET whose body is a record with a {@code version} component (a
 * patient, an appointment, an image's metadata, an analysis result...) carries {@code ETag: "<version>"}, and
 * a request whose {@code If-None-Match} names it gets 304 Not Modified without a body. Handlers that return a
 * {@code ResponseEntity} with an ETag are already answered 304 by Spring MVC itself; this covers the others,
 * so new endpoints written in the usual style get it too.
 */
@RestControllerAdvice
public class ConditionalGetAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!HttpMethod.GET.equals(request.getMethod())
                || !(request instanceof ServletServerHttpRequest servletRequest)
                || !(response instanceof ServletServerHttpResponse servletResponse)
                || servletResponse.getServletResponse().getStatus() != HttpStatus.OK.value()) {
            return body;
        }
        String etag = response.getHeaders().getETag();
        if (etag == null) {
            Long version = version(body);
            if (version == null) {
                return body;
            }
            etag = ETags.of(version);
            response.getHeaders().setETag(etag);
        }
        ServletWebRequest web =
                new ServletWebRequest(servletRequest.getServletRequest(), servletResponse.getServletResponse());
        if (web.checkNotModified(etag)) {
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return null; // 304: status and ETag set by checkNotModified
        }
        return body;
    }

    /** The {@code version} of a versioned record, or null for anything else (lists, pages, maps). */
    static Long version(Object body) {
        return body != null && body.getClass().isRecord() ? versionOf(body) : null;
    }

    /** Whether a type is a record with a numeric {@code version} component (for the OpenAPI document). */
    public static boolean isVersioned(Class<?> type) {
        return type != null && type.isRecord() && versionComponent(type) != null;
    }

    private static Long versionOf(Object record) {
        RecordComponent component = versionComponent(record.getClass());
        if (component == null) {
            return null;
        }
        try {
            java.lang.reflect.Method accessor = component.getAccessor();
            accessor.trySetAccessible(); // view records are often package-private
            Object value = accessor.invoke(record);
            return value instanceof Number n ? n.longValue() : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static RecordComponent versionComponent(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> t = component.getType();
            if ("version".equals(component.getName())
                    && (t == long.class || t == int.class || t == Long.class || t == Integer.class)) {
                return component;
            }
        }
        return null;
    }
}
