package com.clinicrecords.imaging.web;

import com.clinicrecords.imaging.domain.UploadForm;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Optional metadata of an upload, from multipart fields or (raw uploads) from X-Modality, X-Body-Part,
 * X-Study-Date and X-Description headers, percent-encoded UTF-8. Validated like a JSON body (400 with errors[]).
 */
record UploadFields(
        @Size(max = 16) String modality,
        @Size(max = 64) String bodyPart,

        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2026-01-31") String studyDate,

        @Size(max = 1000) String description) {

    static final Set<String> NAMES = Set.of("modality", "bodyPart", "studyDate", "description");
    static final int MAX_FIELD_BYTES = 4096;

    static UploadFields of(Map<String, String> values) {
        return new UploadFields(
                values.get("modality"), values.get("bodyPart"), values.get("studyDate"), values.get("description"));
    }

    static UploadFields fromHeaders(jakarta.servlet.http.HttpServletRequest request) {
        Map<String, String> values = new HashMap<>();
        values.put("modality", decode(request.getHeader("X-Modality")));
        values.put("bodyPart", decode(request.getHeader("X-Body-Part")));
        values.put("studyDate", decode(request.getHeader("X-Study-Date")));
        values.put("description", decode(request.getHeader("X-Description")));
        return of(values);
    }

    UploadForm validated(Validator validator) {
        Set<ConstraintViolation<UploadFields>> violations = validator.validate(this);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        try {
            return new UploadForm(
                    blank(modality),
                    blank(bodyPart),
                    studyDate == null ? null : LocalDate.parse(studyDate),
                    blank(description));
        } catch (java.time.format.DateTimeParseException e) {
            throw new com.clinicrecords.shared.domain.BadRequestException(
                    "validation-failed", "studyDate is not a valid date");
        }
    }

    static String decode(String header) {
        if (header == null) {
            return null;
        }
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
