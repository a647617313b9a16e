package com.clinicrecords.audit.web;

import com.clinicrecords.audit.domain.AuditEventView;
import com.clinicrecords.audit.domain.AuditPage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Wire shapes of the audit endpoints. */
final class AuditResponses {

    private AuditResponses() {}

    /** What a patient may see about an access: who, in what role, did what to which record, and when. */
    record AccessLogEntry(
            long id,
            Instant occurredAt,
            @Nullable UUID actorId,
            @Nullable String actorName,
            @Nullable String actorRoles,
            String action,
            String resourceType,
            @Nullable String resourceId,
            String outcome) {

        static AccessLogEntry of(AuditEventView e) {
            return new AccessLogEntry(
                    e.id(),
                    e.occurredAt(),
                    e.actorUserId(),
                    e.actorName(),
                    e.actorRoles(),
                    e.action(),
                    e.resourceType(),
                    e.resourceId(),
                    e.outcome());
        }
    }

    record AccessLogPage(
            List<AccessLogEntry> items, @Nullable Long nextCursor) {

        static AccessLogPage of(AuditPage page) {
            return new AccessLogPage(
                    page.items().stream().map(AccessLogEntry::of).toList(), page.nextCursor());
        }
    }

    record AuditEvent(
            long id,
            Instant occurredAt,
            @Nullable UUID actorId,
            @Nullable String actorName,
            @Nullable String actorRoles,
            @Nullable UUID patientId,
            String action,
            String resourceType,
            @Nullable String resourceId,
            String outcome,
            @Nullable String requestId,
            @Nullable String clientIp,
            @Nullable String detail) {

        static AuditEvent of(AuditEventView e) {
            return new AuditEvent(
                    e.id(),
                    e.occurredAt(),
                    e.actorUserId(),
                    e.actorName(),
                    e.actorRoles(),
                    e.patientId(),
                    e.action(),
                    e.resourceType(),
                    e.resourceId(),
                    e.outcome(),
                    e.requestId(),
                    e.clientIp(),
                    e.detail());
        }
    }

    record AuditEventPage(List<AuditEvent> items, @Nullable Long nextCursor) {

        static AuditEventPage of(AuditPage page) {
            return new AuditEventPage(page.items().stream().map(AuditEvent::of).toList(), page.nextCursor());
        }
    }
}
