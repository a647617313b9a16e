package com.clinicrecords.shared.domain;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of every error a service raises on purpose: a Spring {@link ErrorResponseException} whose body is the
 * RFC 9457 Problem Details answer, with {@code type = /problems/{slug}}, so clients can branch on a stable
 * identifier. Spring MVC renders it (the global handler only adds the timestamp and request id); headers the
 * answer needs (Retry-After, WWW-Authenticate) travel in {@link #getHeaders()}.
 */
public class ClinicException extends ErrorResponseException {

    private final String slug;
    private final Map<String, Object> properties;

    public ClinicException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public ClinicException(
            HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
        super(status, problem(status, slug, title, detail), null);
        this.slug = slug;
        this.properties = Map.copyOf(properties);
        this.properties.forEach(getBody()::setProperty);
        if (status == HttpStatus.UNAUTHORIZED) {
            getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(title);
        return problem;
    }

    /** The detail, as before this became an {@link ErrorResponseException} (whose message lists the whole body). */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    public HttpStatus status() {
        return HttpStatus.valueOf(getStatusCode().value());
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return getBody().getTitle();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
