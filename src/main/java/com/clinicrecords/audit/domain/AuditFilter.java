package com.clinicrecords.audit.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Which audit rows to read: every criterion is optional. Paging is keyset, newest first: {@code cursor} is the
 * last id of the previous page, so pages stay stable while new events arrive. Newest first means by id, or, for a
 * search by date range alone, by time then id (see AuditEventQueries#find).
 */
public record AuditFilter(UUID userId, UUID patientId, Instant from, Instant to, Long cursor, int limit) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 50;

    public AuditFilter {
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    public static AuditFilter forPatient(UUID patientId, Long cursor, Integer limit) {
        return new AuditFilter(null, patientId, null, null, cursor, limit == null ? DEFAULT_LIMIT : limit);
    }
}
