package com.clinicrecords.shared.domain;

import org.springframework.http.HttpStatus;

/** 404. Also used for records the caller may not see, so their existence is not revealed. */
public class NotFoundException extends ClinicException {

    public NotFoundException(String resource) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", resource + " was not found");
    }

    public static NotFoundException of(String resource) {
        return new NotFoundException(resource);
    }
}
