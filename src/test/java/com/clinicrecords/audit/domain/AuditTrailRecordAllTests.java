package com.clinicrecords.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.clinicrecords.audit.persistence.AuditWriteBehind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link AuditTrail#recordAll}: rows of reads go behind like {@link AuditTrail#record}, else one batch insert. */
class AuditTrailRecordAllTests {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final AuditWriteBehind writeBehind = mock(AuditWriteBehind.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @Test
    void shouldQueueReadRowsOutsideATransactionWhenReadsGoBehind() {
        trail("write-behind").recordAll(List.of(list(first), list(second)));

        ArgumentCaptor<Object[]> rows = ArgumentCaptor.forClass(Object[].class);
        verify(writeBehind, times(2)).enqueue(rows.capture());
        assertThat(rows.getAllValues()).extracting(row -> row[3]).containsExactly(first.toString(), second.toString());
        verifyNoInteractions(jdbc);
    }

    @Test
    void shouldWriteSeveralRowsAsOneBatchWhenReadsAreInline() {
        trail("inline").recordAll(List.of(list(first), list(second)));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Object[]>> rows = ArgumentCaptor.forClass(List.class);
        verify(jdbc).batchUpdate(eq(AuditWriteBehind.INSERT), rows.capture(), eq(AuditWriteBehind.types()));
        assertThat(rows.getValue())
                .extracting(row -> row[3], row -> row[4], row -> row[6], row -> row[10])
                .containsExactly(
                        tuple(first.toString(), "IMAGE", "LIST", "image search"),
                        tuple(second.toString(), "IMAGE", "LIST", "image search"));
        verifyNoInteractions(writeBehind);
    }

    @Test
    void shouldWriteOneRowAsOneInsertAndNothingForNoRows() {
        AuditTrail trail = trail("inline");
        trail.recordAll(List.of());
        verifyNoInteractions(jdbc, writeBehind);

        trail.recordAll(List.of(list(first)));
        verify(jdbc).update(anyString(), any(Object[].class), eq(AuditWriteBehind.types()));
        verifyNoInteractions(writeBehind);
    }

    private AuditTrail trail(String reads) {
        return new AuditTrail(jdbc, writeBehind, clock, reads);
    }

    private static AuditEntry list(UUID patientId) {
        return AuditEntry.allowed(AuditAction.LIST, AuditResource.IMAGE, null, patientId)
                .withDetail("image search");
    }
}
