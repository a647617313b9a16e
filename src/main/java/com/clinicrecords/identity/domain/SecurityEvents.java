package com.clinicrecords.identity.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Authentication and account events for the audit trail (ASVS 16.3.1). Never records passwords, tokens,
 * codes or the email typed into a failed login.
 */
@Component
class SecurityEvents {

    private static final AuditResource USER = AuditResource.USER;
    private static final AuditResource SESSION = AuditResource.SESSION;
    private static final AuditResource ROLE = AuditResource.ROLE;

    private final AuditTrail audit;

    SecurityEvents(AuditTrail audit) {
        this.audit = audit;
    }

    /** Kept on its own (write-behind): a refused login fails its request but must stay on record. */
    void loginFailed(UUID userId, String reason) {
        audit.recordFor(
                userId,
                AuditEntry.denied(AuditAction.LOGIN_FAILED, USER, userId, null).withDetail(reason));
    }

    /**
     * Joins the login transaction (commits with the new session) instead of taking a second pooled connection
     * while the first is held: under many concurrent logins that could exhaust the pool.
     */
    void loggedIn(UUID userId, UUID sessionId) {
        audit.recordAs(userId, AuditEntry.allowed(AuditAction.LOGIN, SESSION, sessionId, null));
    }

    void refreshed(UUID userId, UUID sessionId) {
        audit.recordAs(userId, AuditEntry.allowed(AuditAction.REFRESH, SESSION, sessionId, null));
    }

    /** A spent refresh token came back: the session is revoked (the caller's transaction still commits). */
    void refreshReused(UUID userId, UUID sessionId) {
        audit.recordAs(
                userId,
                AuditEntry.denied(AuditAction.REFRESH, SESSION, sessionId, null)
                        .withDetail("refresh token reuse; session revoked"));
    }

    void loggedOut(UUID userId, UUID sessionId) {
        audit.recordAs(userId, AuditEntry.allowed(AuditAction.LOGOUT, SESSION, sessionId, null));
    }

    void passwordChanged(UUID userId) {
        audit.record(AuditEntry.allowed(AuditAction.PASSWORD_CHANGE, USER, userId, null));
    }

    void passwordReset(UUID userId) {
        // Joins the reset transaction: commits with the new password, on the request's one connection.
        audit.recordAs(userId, AuditEntry.allowed(AuditAction.PASSWORD_RESET, USER, userId, null));
    }

    void temporaryPasswordIssued(UUID userId) {
        audit.record(AuditEntry.allowed(AuditAction.PASSWORD_RESET, USER, userId, null)
                .withDetail("temporary password issued"));
    }

    void rolesChanged(UUID userId, Collection<String> roles) {
        audit.record(AuditEntry.allowed(AuditAction.ROLE_CHANGE, USER, userId, null)
                .withDetail("roles=" + String.join(",", new TreeSet<>(roles))));
    }

    void accountDisabled(UUID userId) {
        audit.record(AuditEntry.allowed(AuditAction.ACCOUNT_DISABLED, USER, userId, null));
    }

    void accountEnabled(UUID userId) {
        audit.record(AuditEntry.allowed(AuditAction.ACCOUNT_ENABLED, USER, userId, null));
    }

    void accountCreated(UUID userId, Collection<String> roles) {
        audit.record(AuditEntry.allowed(AuditAction.ACCOUNT_CREATED, USER, userId, null)
                .withDetail("roles=" + String.join(",", new TreeSet<>(roles))));
    }

    /** Sessions ended by their owner: one session id, or "other-sessions" for "sign out other devices". */
    void sessionsEnded(Object which) {
        audit.record(AuditEntry.allowed(AuditAction.SESSION_ENDED, SESSION, which, null));
    }

    void emailVerified(UUID userId) {
        audit.record(AuditEntry.allowed(AuditAction.EMAIL_VERIFIED, USER, userId, null));
    }

    void emailChanged(UUID userId) {
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, USER, userId, null).withDetail("email changed"));
    }

    /** Creating, changing or deleting a role definition changes what its holders may do. */
    void roleDefinitionChanged(String change, UUID roleId, String name, Collection<String> permissions) {
        audit.record(AuditEntry.allowed(AuditAction.ROLE_CHANGE, ROLE, roleId, null)
                .withDetail(change + " " + name + " permissions=" + String.join(",", new TreeSet<>(permissions))));
    }
}
