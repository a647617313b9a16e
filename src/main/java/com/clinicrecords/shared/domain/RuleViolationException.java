package com.clinicrecords.shared.domain;

import org.springframework.http.HttpStatus;

/** 422: the input is well-formed but breaks a business rule (appointment in the past, weak password...). */
public class RuleViolationException extends ClinicException {

    public RuleViolationException(String slug, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, slug, "Business rule violated", detail);
    }
}
