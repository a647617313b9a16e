package com.clinicrecords.shared.persistence;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded MariaDB when no {@code DB_URL} is set, so a fresh clone runs with one command.
 * With {@code DB_URL} set, Spring Boot's own DataSource (MySQL) is used and this configuration stays off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "stop")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties props) {
        return EmbeddedMariaDb.start(props.baseDir(), props.dataDir(), props.port(), props.databaseName());
    }

    @Bean
    DataSource dataSource(EmbeddedMariaDb db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername(db.username());
        ds.setPassword(db.password());
        ds.setPoolName("embedded-mariadb");
        ds.setMaximumPoolSize(20);
        return ds;
    }
}
