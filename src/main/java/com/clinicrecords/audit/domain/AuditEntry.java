package com.clinicrecords.audit.domain;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * What happened to which record. Actor, roles, time, request id and client IP are filled in by
 * {@link AuditTrail} from the request context. {@code detail} must never hold passwords, tokens, codes or
 * medical content.
 */
@NamedInterface("api")
public record AuditEntry(
        AuditAction action,
        AuditResource resourceType,
        String resourceId,
        UUID patientId,
        AuditOutcome outcome,
        String detail) {

    public static AuditEntry allowed(
            AuditAction action, AuditResource resourceType, Object resourceId, UUID patientId) {
        return new AuditEntry(
                action,
                resourceType,
                resourceId == null ? null : resourceId.toString(),
                patientId,
                AuditOutcome.ALLOW,
                null);
    }

    public static AuditEntry denied(AuditAction action, AuditResource resourceType, Object resourceId, UUID patientId) {
        return new AuditEntry(
                action,
                resourceType,
                resourceId == null ? null : resourceId.toString(),
                patientId,
                AuditOutcome.DENY,
                null);
    }

    public AuditEntry withDetail(String newDetail) {
        return new AuditEntry(action, resourceType, resourceId, patientId, outcome, newDetail);
    }
}
