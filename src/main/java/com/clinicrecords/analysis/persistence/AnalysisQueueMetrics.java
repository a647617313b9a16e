package com.clinicrecords.analysis.persistence;

import com.clinicrecords.shared.persistence.CountQueryGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Analysis queue for alerting: jobs ready to be claimed, and jobs leased right now (ix_analysis_jobs_queue). */
@Configuration(proxyBeanMethods = false)
class AnalysisQueueMetrics {

    @Bean
    MeterBinder analysisQueueDueGauge(JdbcTemplate jdbc) {
        return new CountQueryGauge(
                "clinic.analysis.queue.due",
                "Analysis jobs waiting for a service client whose retry time has come",
                jdbc,
                "SELECT COUNT(*) FROM analysis_jobs WHERE status = 'QUEUED' AND available_at <= UTC_TIMESTAMP(6)");
    }

    @Bean
    MeterBinder analysisQueueLeasedGauge(JdbcTemplate jdbc) {
        return new CountQueryGauge(
                "clinic.analysis.queue.leased",
                "Analysis jobs a service client holds a lease on",
                jdbc,
                "SELECT COUNT(*) FROM analysis_jobs WHERE status = 'LEASED'");
    }
}
