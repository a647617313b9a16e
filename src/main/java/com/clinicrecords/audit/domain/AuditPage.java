package com.clinicrecords.audit.domain;

import java.util.List;

/** A page of audit rows, newest first; {@code nextCursor} is null on the last page. */
public record AuditPage(List<AuditEventView> items, Long nextCursor) {}
