package com.clinicrecords.shared.domain;

import org.springframework.http.HttpStatus;

/** 400: malformed or invalid input that bean validation cannot express. */
public class BadRequestException extends ClinicException {

    public BadRequestException(String slug, String detail) {
        super(HttpStatus.BAD_REQUEST, slug, "Bad request", detail);
    }
}
