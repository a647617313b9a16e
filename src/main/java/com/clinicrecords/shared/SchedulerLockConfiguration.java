package com.clinicrecords.shared;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled work that must happen once across all instances (reminders, retention purges, the temp-object
 * sweep) is annotated {@code @SchedulerLock}: ShedLock keeps one lock row per job in the shared database
 * ({@code shedlock} table) and an instance skips a run while another holds the lock. Lock times use the
 * database clock, so instances with skewed clocks still agree. {@code defaultLockAtMostFor} frees the lock of
 * an instance that died mid-run.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLockConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
