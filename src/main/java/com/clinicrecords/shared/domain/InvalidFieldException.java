package com.clinicrecords.shared.domain;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 400 for a field that passed bean validation but breaks a rule needing context (the clock, another field):
 * rendered exactly like bean-validation failures, with {@code errors[]} naming the field.
 */
public class InvalidFieldException extends ClinicException {

    public InvalidFieldException(String field, String message) {
        super(
                HttpStatus.BAD_REQUEST,
                "validation-failed",
                "Validation failed",
                "The request contains invalid fields",
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
