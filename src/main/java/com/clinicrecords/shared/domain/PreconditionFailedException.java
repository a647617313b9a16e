package com.clinicrecords.shared.domain;

import org.springframework.http.HttpStatus;

/** 412: an If-Match version no longer matches, i.e. someone else changed the record first. */
public class PreconditionFailedException extends ClinicException {

    public PreconditionFailedException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed", detail);
    }
}
