package com.clinicrecords.audit.domain;

import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.CurrentUser;
import com.clinicrecords.shared.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit rows. {@link #record} joins the caller's transaction, so a write and its audit row commit or
 * roll back together; {@link #recordDenied} commits on its own, because a refused access must stay on
 * record even though the request fails. Times are written as UTC DATETIME, like Hibernate writes them.
 */
@Service
public class AuditTrail {

    private static final String INSERT = "insert into audit_events (occurred_at, actor_user_id, actor_roles, "
            + "patient_id, resource_type, resource_id, action, outcome, request_id, client_ip, detail) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEntry entry) {
        insert(entry, CurrentUser.find());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordDenied(AuditEntry entry) {
        insert(entry, CurrentUser.find());
    }

    /**
     * For events whose actor is not (yet) authenticated, such as a failed login: commits on its own, so the
     * row stays even though the caller's transaction rolls back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFor(UUID actorUserId, AuditEntry entry) {
        insertFor(actorUserId, entry);
    }

    /**
     * Like {@link #recordFor} but joins the caller's transaction: for successful events (login, refresh) that
     * commit with it. It also needs no second pooled connection, which matters under concurrent logins.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(UUID actorUserId, AuditEntry entry) {
        insertFor(actorUserId, entry);
    }

    private void insertFor(UUID actorUserId, AuditEntry entry) {
        jdbc.update(
                INSERT,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                str(actorUserId),
                null,
                str(entry.patientId()),
                entry.resourceType(),
                entry.resourceId(),
                entry.action().name(),
                entry.outcome().name(),
                MDC.get(RequestIdFilter.MDC_KEY),
                clientIp(),
                truncate(entry.detail()));
    }

    private void insert(AuditEntry entry, Optional<AuthenticatedUser> actor) {
        jdbc.update(
                INSERT,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                actor.map(a -> a.userId().toString()).orElse(null),
                actor.map(a -> String.join(",", new TreeSet<>(a.roles()))).orElse(null),
                str(entry.patientId()),
                entry.resourceType(),
                entry.resourceId(),
                entry.action().name(),
                entry.outcome().name(),
                MDC.get(RequestIdFilter.MDC_KEY),
                clientIp(),
                truncate(entry.detail()));
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 255 ? s : s.substring(0, 255);
    }
}
