package com.clinicrecords.shared.domain;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 409: the request clashes with the current state (duplicate, double booking, lost update). */
public class ConflictException extends ClinicException {

    public ConflictException(String slug, String detail) {
        super(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    public ConflictException(String slug, String detail, Map<String, Object> properties) {
        super(HttpStatus.CONFLICT, slug, "Conflict", detail, properties);
    }
}
