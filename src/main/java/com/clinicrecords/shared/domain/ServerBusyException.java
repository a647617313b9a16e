package com.clinicrecords.shared.domain;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 503 with a Retry-After header: a bounded resource (such as password hashing) is saturated right now. */
public class ServerBusyException extends ClinicException {

    private final Duration retryAfter;

    public ServerBusyException(String detail, Duration retryAfter) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "server-busy",
                "Server busy",
                detail,
                Map.of("retryAfterSeconds", Math.max(1, retryAfter.toSeconds())));
        this.retryAfter = retryAfter;
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
