package com.clinicrecords.audit.domain;

import com.clinicrecords.shared.security.AuthenticatedUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * Which patient record belongs to the caller, so a patient can read their own access log. The patients module
 * implements it; declaring it here keeps the audit module free of a dependency on patients (which records
 * through audit), so the two modules do not form a cycle.
 */
@NamedInterface("api")
public interface PatientOwnership {

    Optional<UUID> ownPatientId(AuthenticatedUser user);
}
