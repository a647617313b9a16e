package com.clinicrecords.shared.domain;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 429 with a Retry-After header, for throttled logins, code checks and resends. */
public class TooManyRequestsException extends ClinicException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-requests",
                "Too many requests",
                detail,
                Map.of("retryAfterSeconds", Math.max(1, retryAfter.toSeconds())));
        this.retryAfter = retryAfter;
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
