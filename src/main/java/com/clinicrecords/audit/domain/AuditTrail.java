package com.clinicrecords.audit.domain;

import com.clinicrecords.audit.persistence.AuditWriteBehind;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.CurrentUser;
import com.clinicrecords.shared.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit rows. {@link #record} and {@link #recordAs} join the caller's transaction, so a write and its
 * audit row commit or roll back together, on the request's one connection. {@link #recordDenied} and
 * {@link #recordFor} are for events that must stay on record although the request fails (refusals, failed
 * sign-ins): their rows go through the {@link AuditWriteBehind} queue, written within 100 ms by a background
 * thread, so a request never holds two pooled connections at once (see that class for the crash window).
 * Times are written as UTC DATETIME, like Hibernate writes them.
 */
@NamedInterface("api")
@Service
public class AuditTrail {

    private static final String INSERT = AuditWriteBehind.INSERT;
    private static final int[] TYPES = AuditWriteBehind.types();
    private static final Duration PENDING_WAIT = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final AuditWriteBehind writeBehind;
    private final Clock clock;
    private final boolean readsBehind;

    private static final Set<AuditAction> READS = EnumSet.of(AuditAction.READ, AuditAction.LIST, AuditAction.DOWNLOAD);

    public AuditTrail(
            JdbcTemplate jdbc,
            AuditWriteBehind writeBehind,
            Clock clock,
            @Value("${clinic.audit.reads:write-behind}") String reads) {
        this.jdbc = jdbc;
        this.writeBehind = writeBehind;
        this.clock = clock;
        this.readsBehind = switch (reads) {
            case "write-behind" -> true;
            case "inline" -> false;
            default ->
                throw new IllegalArgumentException(
                        "clinic.audit.reads (AUDIT_READS) must be write-behind or inline, not '" + reads + "'");
        };
    }

    /**
     * Joins the caller's transaction when there is one (JdbcTemplate takes the transaction's connection), so a
     * write and its audit row commit or roll back together. A read outside any transaction (READ, LIST,
     * DOWNLOAD) goes to the write-behind queue unless AUDIT_READS=inline; any other row without a transaction is
     * one auto-committed insert (a single statement is atomic by itself; a transaction of its own around it cost
     * three more round trips).
     */
    public void record(AuditEntry entry) {
        recordAll(List.of(entry));
    }

    /**
     * Several rows of one request (e.g. one per patient a search showed), like {@link #record} each, but written
     * as one batch (a multi-row insert on MySQL, a bulk command on MariaDB) instead of one insert per row.
     */
    public void recordAll(List<AuditEntry> entries) {
        Optional<AuthenticatedUser> actor = CurrentUser.find();
        List<Object[]> rows = entries.stream().map(e -> row(e, actor)).toList();
        if (readsBehind
                && entries.stream().allMatch(e -> READS.contains(e.action()))
                && !TransactionSynchronizationManager.isActualTransactionActive()) {
            // Reads outside any transaction change nothing that their audit rows must commit with: the rows go
            // to the write-behind queue (written within 100 ms, flushed on graceful shutdown), which spares the
            // read an insert and its commit (an fsync, and a binary-log write on MySQL). Crash window: see
            // AuditWriteBehind and docs/security-and-audit.md.
            rows.forEach(writeBehind::enqueue);
        } else if (rows.size() == 1) {
            jdbc.update(INSERT, rows.get(0), TYPES);
        } else if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows, TYPES);
        }
    }

    /** A refusal: kept even though the caller's transaction rolls back (write-behind, no second connection). */
    public void recordDenied(AuditEntry entry) {
        writeBehind.enqueue(row(entry, CurrentUser.find()));
    }

    /**
     * For events whose actor is not (yet) authenticated, such as a failed login: kept even though the
     * caller's transaction rolls back (write-behind, no second connection).
     */
    public void recordFor(UUID actorUserId, AuditEntry entry) {
        writeBehind.enqueue(row(entry, str(actorUserId), null));
    }

    /** Waits (bounded) until the rows queued so far (refusals, reads) are written: the audit API's reads call it. */
    public void awaitPendingWrites() {
        writeBehind.awaitFlushed(PENDING_WAIT);
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
        jdbc.update(INSERT, row(entry, str(actorUserId), null), TYPES);
    }

    /** A row for the signed-in caller (or none): their id and their roles, sorted. */
    private Object[] row(AuditEntry entry, Optional<AuthenticatedUser> actor) {
        return row(
                entry,
                actor.map(a -> a.userId().toString()).orElse(null),
                actor.map(a -> String.join(",", new TreeSet<>(a.roles()))).orElse(null));
    }

    /** The values of {@link #INSERT}, captured now (the request context is gone when a queued row is written). */
    private Object[] row(AuditEntry entry, String actorUserId, String actorRoles) {
        return new Object[] {
            LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
            actorUserId,
            actorRoles,
            str(entry.patientId()),
            entry.resourceType().name(),
            entry.resourceId(),
            entry.action().name(),
            entry.outcome().name(),
            MDC.get(RequestIdFilter.MDC_KEY),
            clientIp(),
            truncate(entry.detail())
        };
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
