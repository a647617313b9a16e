package com.clinicrecords.audit.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit row as read back, with the actor's current name. {@code detail} is free text written by the
 * code (never PHI by contract), shown to auditors only, never in a patient's access log.
 */
public record AuditEventView(
        long id,
        Instant occurredAt,
        UUID actorUserId,
        String actorName,
        String actorRoles,
        UUID patientId,
        String resourceType,
        String resourceId,
        String action,
        String outcome,
        String requestId,
        String clientIp,
        String detail) {}
