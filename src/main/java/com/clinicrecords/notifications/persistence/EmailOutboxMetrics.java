package com.clinicrecords.notifications.persistence;

import com.clinicrecords.shared.persistence.CountQueryGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Outbox backlog for alerting: mail that is due but not sent yet (served by ix_email_outbox_due). */
@Configuration(proxyBeanMethods = false)
class EmailOutboxMetrics {

    @Bean
    MeterBinder emailOutboxDueGauge(JdbcTemplate jdbc) {
        return new CountQueryGauge(
                "clinic.email.outbox.due",
                "Pending emails whose send time has come and that the relay has not sent yet",
                jdbc,
                "SELECT COUNT(*) FROM email_outbox WHERE status = 'PENDING' AND next_attempt_at <= UTC_TIMESTAMP(6)");
    }
}
