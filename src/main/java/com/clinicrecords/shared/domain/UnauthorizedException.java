package com.clinicrecords.shared.domain;

import org.springframework.http.HttpStatus;

/** 401: credentials or tokens are missing, wrong, expired or revoked. The detail never says which. */
public class UnauthorizedException extends ClinicException {

    public UnauthorizedException(String slug, String detail) {
        super(HttpStatus.UNAUTHORIZED, slug, "Unauthorized", detail);
    }
}
