package com.clinicrecords.shared.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Starts an embedded MariaDB when no {@code DB_URL} is set, so a fresh clone runs with one command.
 * With {@code DB_URL} set, Spring Boot's own DataSource (MySQL) is used and this configuration stays off.
 * The {@code prod} profile never falls back to it: a production server without {@code DB_URL} refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "stop")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties props, Environment env) {
        if (env.acceptsProfiles(Profiles.of("prod"))) {
            throw new MissingDatabaseUrlException();
        }
        return EmbeddedMariaDb.start(
                props.baseDir(), props.dataDir(), props.port(), props.databaseName(), props.startTimeout());
    }

    /** The application's pool (the least-privilege account); {@code spring.datasource.hikari.*} applies. */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername(db.username());
        ds.setPassword(db.password());
        ds.setPoolName("embedded-mariadb");
        return ds;
    }

    /** Flyway migrates as the schema owner, like against MySQL with {@code FLYWAY_USER}. */
    @Bean
    MigrationCredentials embeddedMigrationCredentials(EmbeddedMariaDb db) {
        return new MigrationCredentials(db.jdbcUrl(), db.migrationUsername(), db.migrationPassword(), db.username());
    }
}
