package com.clinicrecords.audit.web;

import com.clinicrecords.audit.domain.AuditQueryService;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * A caller without audit:read who searches the audit trail: the refusal is itself audited, then answered 403
 * as before. Used through {@code @HandleAuthorizationDenied} on the search endpoint (method security looks the
 * handler up as a bean).
 */
@Component
class AuditSearchDenied implements MethodAuthorizationDeniedHandler {

    private final AuditQueryService audit;

    AuditSearchDenied(AuditQueryService audit) {
        this.audit = audit;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        throw audit.searchDenied();
    }
}
