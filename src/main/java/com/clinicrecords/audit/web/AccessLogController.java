package com.clinicrecords.audit.web;

import com.clinicrecords.audit.domain.AuditPage;
import com.clinicrecords.audit.domain.AuditQueryService;
import com.clinicrecords.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Who accessed which record, when and with what outcome")
class AccessLogController {

    private final AuditQueryService audit;

    AccessLogController(AuditQueryService audit) {
        this.audit = audit;
    }

    @Operation(summary = "Who accessed this patient's record (the patient themself and auditors only)")
    @GetMapping("/api/patients/{patientId}/access-log")
    AuditResponses.AccessLogPage accessLog(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID patientId,
            @RequestParam(required = false) @Min(1) Long cursor,
            @RequestParam(required = false) @Min(1) @Max(100) Integer limit) {
        AuditPage page = audit.accessLog(me, patientId, cursor, limit);
        return AuditResponses.AccessLogPage.of(page);
    }
}
