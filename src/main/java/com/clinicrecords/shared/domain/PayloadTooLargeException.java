package com.clinicrecords.shared.domain;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 413: the request body (a JSON document or an uploaded file) is larger than the endpoint accepts. */
public class PayloadTooLargeException extends ClinicException {

    public PayloadTooLargeException(long maxBytes) {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Payload too large",
                "The request body exceeds the limit of " + maxBytes + " bytes",
                Map.of("maxBytes", maxBytes));
    }
}
