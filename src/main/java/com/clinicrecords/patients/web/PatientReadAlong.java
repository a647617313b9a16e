package com.clinicrecords.patients.web;

import com.clinicrecords.patients.persistence.PatientReads;
import com.clinicrecords.shared.security.CallerReadAlong;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reads a patient's record, or its access facts, along with the caller of a GET request under
 * {@code /api/patients/{id}}: the record for the record itself, the facts for the lists below it whose first
 * step is the access check (visits, doctors, images, results). That request's read is then the caller's
 * statement, one round trip instead of two (RoundTripBudgetIntegrationTests holds each path to it). Any other
 * path, an id that is not a UUID ({@code /api/patients/me}) or a caller resolved without it reads as before.
 */
@Component
class PatientReadAlong implements CallerReadAlong {

    private static final String PREFIX = "/api/patients/";
    private static final int UUID_LENGTH = 36;

    /** The lists under a patient whose services ask for the patient's access facts first. */
    private static final Set<String> FACTS_FIRST = Set.of("/visits", "/doctors", "/images", "/results");

    @Override
    public Optional<Read> readFor(HttpServletRequest request, UUID callerUserId) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(PREFIX) || path.length() < PREFIX.length() + UUID_LENGTH) {
            return Optional.empty();
        }
        Optional<UUID> id = uuid(path.substring(PREFIX.length(), PREFIX.length() + UUID_LENGTH));
        String rest = path.substring(PREFIX.length() + UUID_LENGTH);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (rest.isEmpty()) {
            return Optional.of(PatientReads.recordAlong(id.get(), callerUserId));
        }
        return FACTS_FIRST.contains(rest)
                ? Optional.of(PatientReads.factsAlong(id.get(), callerUserId))
                : Optional.empty();
    }

    /** A UUID in its canonical 36-character form only (UUID.fromString also takes shorter groups). */
    private static Optional<UUID> uuid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (dash ? c != '-' : !hex) {
                return Optional.empty();
            }
        }
        return Optional.of(UUID.fromString(text));
    }
}
