package com.clinicrecords.shared.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the one Problem Details shape the API uses everywhere. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        decorate(problem);
        return problem;
    }

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    /** Adds the fields every problem carries: when it happened and the id to quote to support. */
    public static ProblemDetail decorate(ProblemDetail problem) {
        // First among the properties, ahead of any a problem already carries (a ClinicException's own).
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("timestamp", Instant.now().toString());
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            properties.put("requestId", requestId);
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(properties::putIfAbsent);
        }
        problem.setProperties(properties);
        return problem;
    }
}
