package com.clinicrecords.shared.web;

import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.ClinicException;
import org.springframework.http.HttpStatus;

/**
 * Optimistic locking over HTTP: responses carry {@code ETag: "<version>"}, updates must send it back in
 * {@code If-Match}. No If-Match is 428, a malformed one 400; a stale one is 412 (raised by the service).
 */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static long requireVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ClinicException(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "precondition-required",
                    "Precondition required",
                    "Send the record's ETag in an If-Match header to update it");
        }
        return optionalVersion(ifMatch);
    }

    /** The version in an If-Match header, or null when there is none (for endpoints where it is optional). */
    public static Long optionalVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException("bad-if-match", "If-Match must be an ETag returned by this API");
        }
    }
}
