package com.clinicrecords.shared.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A gauge whose value is a {@code SELECT COUNT(*)} (or any single-number query) run at scrape time, e.g. the
 * email outbox backlog. Declare one as a {@code MeterBinder} bean and Spring Boot registers it. Keep the query
 * cheap (served by an index): every scrape of every instance runs it. While the database is unreachable the
 * gauge reads NaN instead of failing the scrape. Every instance reports the same number, so aggregate with
 * {@code max}, not {@code sum}.
 */
public final class CountQueryGauge implements MeterBinder {

    private final String name;
    private final String description;
    private final JdbcTemplate jdbc;
    private final String sql;

    public CountQueryGauge(String name, String description, JdbcTemplate jdbc, String sql) {
        this.name = name;
        this.description = description;
        this.jdbc = jdbc;
        this.sql = sql;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(name, this, CountQueryGauge::read)
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    double read() {
        try {
            Number value = jdbc.queryForObject(sql, Number.class);
            return value == null ? Double.NaN : value.doubleValue();
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }
}
