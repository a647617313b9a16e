package com.clinicrecords.audit.domain;

import com.clinicrecords.shared.security.Roles;
import java.util.Arrays;
import java.util.UUID;

/**
 * What a patient may learn from their own access log: the patient themself and staff (anyone holding a role
 * other than PATIENT) are named; any other caller who was refused, typically another patient, shows only as
 * "another user", without id or roles, so the log does not disclose who else tried to look.
 */
final class AccessLogPrivacy {

    static final String ANOTHER_USER = "another user";

    private AccessLogPrivacy() {}

    static AuditPage forPatient(AuditPage page, UUID patientUserId) {
        return new AuditPage(
                page.items().stream().map(e -> mask(e, patientUserId)).toList(), page.nextCursor());
    }

    private static AuditEventView mask(AuditEventView e, UUID patientUserId) {
        if (!"DENY".equals(e.outcome()) || patientUserId.equals(e.actorUserId()) || isStaff(e.actorRoles())) {
            return e;
        }
        return new AuditEventView(
                e.id(),
                e.occurredAt(),
                null,
                ANOTHER_USER,
                null,
                e.patientId(),
                e.resourceType(),
                e.resourceId(),
                e.action(),
                e.outcome(),
                e.requestId(),
                e.clientIp(),
                e.detail());
    }

    private static boolean isStaff(String actorRoles) {
        return actorRoles != null
                && Arrays.stream(actorRoles.split(","))
                        .map(String::trim)
                        .anyMatch(r -> !r.isEmpty() && !Roles.PATIENT.equals(r));
    }
}
