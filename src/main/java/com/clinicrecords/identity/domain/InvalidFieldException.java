package com.clinicrecords.identity.domain;

import com.clinicrecords.shared.domain.ClinicException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 400 for a field that passed bean validation but fails a rule only the service can check. */
public class InvalidFieldException extends ClinicException {

    public InvalidFieldException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed", "The request contains invalid fields",
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
