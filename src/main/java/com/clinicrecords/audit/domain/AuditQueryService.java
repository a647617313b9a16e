package com.clinicrecords.audit.domain;

import com.clinicrecords.audit.persistence.AuditEventQueries;
import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Reading the audit trail. A patient sees who accessed their own record; auditors (audit:read) see
 * everything. Reading someone else's trail is itself recorded, so auditors are audited too.
 */
@Service
public class AuditQueryService {

    private static final AuditResource ACCESS_LOG = AuditResource.ACCESS_LOG;

    private final AuditEventQueries queries;
    private final PatientOwnership patientAccess;
    private final AuditTrail audit;

    public AuditQueryService(AuditEventQueries queries, PatientOwnership patientAccess, AuditTrail audit) {
        this.queries = queries;
        this.patientAccess = patientAccess;
        this.audit = audit;
    }

    /**
     * Who touched this patient's record. Anyone but the patient and auditors gets 404, and that is audited.
     * Reads only: no transaction around them (the audit row of the read commits on its own).
     */
    public AuditPage accessLog(AuthenticatedUser me, UUID patientId, Long cursor, Integer limit) {
        awaitQueuedRefusals();
        boolean own = patientAccess.ownPatientId(me).filter(patientId::equals).isPresent();
        if (!own && !me.can(Permissions.AUDIT_READ)) {
            audit.recordDenied(AuditEntry.denied(AuditAction.READ, ACCESS_LOG, patientId, patientId));
            throw NotFoundException.of("Patient");
        }
        if (!own) {
            audit.record(AuditEntry.allowed(AuditAction.READ, ACCESS_LOG, patientId, patientId));
        }
        AuditPage page = page(AuditFilter.forPatient(patientId, cursor, limit));
        return own && !me.can(Permissions.AUDIT_READ) ? AccessLogPrivacy.forPatient(page, me.userId()) : page;
    }

    /** The whole trail, filtered; the caller's audit:read is checked on the endpoint. */
    public AuditPage search(AuditFilter filter) {
        awaitQueuedRefusals();
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new BadRequestException("invalid-range", "'from' must be before 'to'");
        }
        audit.record(AuditEntry.allowed(AuditAction.LIST, AuditResource.AUDIT, null, filter.patientId()));
        return page(filter);
    }

    /** Audits a search by a caller without audit:read and gives the 403 to throw. */
    public ForbiddenException searchDenied() {
        audit.recordDenied(AuditEntry.denied(AuditAction.LIST, AuditResource.AUDIT, null, null));
        return new ForbiddenException("forbidden", "Reading the audit trail requires the audit:read permission");
    }

    /**
     * Refusals are written behind their requests (within 100 ms): wait for those already queued, so the trail
     * read here includes them. Must come before this transaction's first query, which fixes its snapshot
     * (REPEATABLE READ): rows committed after that would stay invisible to it.
     */
    private void awaitQueuedRefusals() {
        audit.awaitPendingWrites();
    }

    private AuditPage page(AuditFilter filter) {
        List<AuditEventView> rows = queries.find(filter);
        if (rows.size() <= filter.limit()) {
            return new AuditPage(rows, null);
        }
        List<AuditEventView> items = rows.subList(0, filter.limit());
        return new AuditPage(List.copyOf(items), items.get(items.size() - 1).id());
    }
}
