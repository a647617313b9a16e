package com.clinicrecords.audit.web;

import com.clinicrecords.audit.domain.AuditFilter;
import com.clinicrecords.audit.domain.AuditQueryService;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit")
class AdminAuditController {

    private final AuditQueryService audit;

    AdminAuditController(AuditQueryService audit) {
        this.audit = audit;
    }

    @Operation(summary = "Search the audit trail (audit:read), newest first; pass nextCursor as cursor for more")
    @GetMapping("/api/admin/audit")
    @RequiresPermission(Permissions.AUDIT_READ)
    @HandleAuthorizationDenied(handlerClass = AuditSearchDenied.class)
    AuditResponses.AuditEventPage search(
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Min(1) Long cursor,
            @RequestParam(required = false) @Min(1) @Max(100) Integer limit) {
        AuditFilter filter =
                new AuditFilter(userId, patientId, from, to, cursor, limit == null ? AuditFilter.DEFAULT_LIMIT : limit);
        return AuditResponses.AuditEventPage.of(audit.search(filter));
    }
}
