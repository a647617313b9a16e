package com.clinicrecords.shared.domain;

import org.springframework.http.HttpStatus;

/** 403: the caller is known but the action is not theirs to take. */
public class ForbiddenException extends ClinicException {

    public ForbiddenException(String slug, String detail) {
        super(HttpStatus.FORBIDDEN, slug, "Forbidden", detail);
    }
}
