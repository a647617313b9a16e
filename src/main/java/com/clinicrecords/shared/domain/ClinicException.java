package com.clinicrecords.shared.domain;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Base of every error a service raises on purpose. The global handler turns it into an RFC 9457 Problem
 * Details response with {@code type = /problems/{slug}}, so clients can branch on a stable identifier.
 */
public class ClinicException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties;

    public ClinicException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public ClinicException(
            HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
