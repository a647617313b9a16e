package com.clinicrecords.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which totals are counted again: below the cap always, at the cap once per TTL, per statement and arguments. */
class CappedTotalsTests {

    final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    final AtomicLong nanos = new AtomicLong();
    final CappedTotals totals = new CappedTotals(jdbc, Duration.ofSeconds(10), nanos::get);

    @Test
    void shouldRememberTotalAtCapUntilTtlEnds() {
        when(jdbc.queryForObject(anyString(), eq(Long.class), any(Object[].class)))
                .thenReturn(1_000L);

        assertThat(totals.of("select a.id from appointments a where a.doctor_id = ?", List.of("d1")))
                .isEqualTo(1_000);
        assertThat(totals.of("select a.id from appointments a where a.doctor_id = ?", List.of("d1")))
                .isEqualTo(1_000);
        verify(jdbc, times(1)).queryForObject(anyString(), eq(Long.class), any(Object[].class));

        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        totals.of("select a.id from appointments a where a.doctor_id = ?", List.of("d1"));
        verify(jdbc, times(2)).queryForObject(anyString(), eq(Long.class), any(Object[].class));
    }

    @Test
    void shouldCountTotalBelowCapEveryTime() {
        when(jdbc.queryForObject(anyString(), eq(Long.class), any(Object[].class)))
                .thenReturn(999L, 1_000L);

        assertThat(totals.of("select u.id from users u where 1 = 1", List.of())).isEqualTo(999);
        assertThat(totals.of("select u.id from users u where 1 = 1", List.of())).isEqualTo(1_000);
        verify(jdbc, times(2)).queryForObject(anyString(), eq(Long.class), any(Object[].class));
    }

    @Test
    void shouldKeepTotalsOfOtherArgumentsAndStatementsApart() {
        when(jdbc.queryForObject(anyString(), eq(Long.class), any(Object[].class)))
                .thenReturn(1_000L, 5L, 7L);

        assertThat(totals.counted("select count(*) from (select 1 from t where a = ? limit ?) c", List.of("x", 1_000)))
                .isEqualTo(1_000);
        assertThat(totals.counted("select count(*) from (select 1 from t where a = ? limit ?) c", List.of("y", 1_000)))
                .as("another caller's or filter's arguments")
                .isEqualTo(5);
        assertThat(totals.counted("select count(*) from (select 1 from u where a = ? limit ?) c", List.of("x", 1_000)))
                .as("another statement")
                .isEqualTo(7);
    }

    @Test
    void shouldNeverAnswerMoreThanCap() {
        when(jdbc.queryForObject(anyString(), eq(Long.class), any(Object[].class)))
                .thenReturn(5_000L);

        assertThat(totals.counted("select count(*) from t", List.of())).isEqualTo(1_000);
    }
}
