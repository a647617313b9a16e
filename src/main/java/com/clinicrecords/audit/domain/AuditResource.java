package com.clinicrecords.audit.domain;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * What kind of record an audit row is about, stored in {@code audit_events.resource_type} as the constant's
 * name (upper snake case, like the action and the outcome).
 *
 * <p>Rows written before this enum spelled the same kinds differently ({@code "user"}, {@code "User"},
 * {@code "Patient"}, {@code "DoctorPatientLink"}, {@code "access-log"}...). Audit rows cannot be updated (the
 * table is append-only, its triggers reject every UPDATE), so those are mapped when read, by {@link #normalize}.
 */
@NamedInterface("api")
public enum AuditResource {
    USER,
    SESSION,
    ROLE,
    SERVICE_CLIENT,
    PATIENT,
    DOCTOR,
    DOCTOR_PATIENT_LINK,
    VISIT,
    APPOINTMENT,
    WORKING_HOURS,
    IMAGE,
    ANALYSIS_RESULT,
    ANALYSIS_JOB,
    NEWS,
    AUDIT,
    ACCESS_LOG;

    /** The kind named by {@code spelling} in any of its spellings (case, {@code _}, {@code -} ignored), if any. */
    public static AuditResource parse(String spelling) {
        String key = squash(spelling);
        for (AuditResource resource : values()) {
            if (squash(resource.name()).equals(key)) {
                return resource;
            }
        }
        return null;
    }

    /** The stored {@code resource_type} in today's spelling; a value this version does not know stays as it is. */
    public static String normalize(String stored) {
        AuditResource resource = stored == null ? null : parse(stored);
        return resource == null ? stored : resource.name();
    }

    private static String squash(String spelling) {
        return spelling.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
