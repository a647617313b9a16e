package com.clinicrecords.shared.persistence;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Two database accounts: Flyway runs as the schema owner, the application as an account with table privileges
 * only. Also retires migrations that can no longer run (see {@link RetiredMigrations}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseAccessProperties.class)
class DatabaseAccessConfiguration {

    @Bean
    @Conditional(ExternalDatabaseCondition.class)
    MigrationCredentials externalMigrationCredentials(DatabaseAccessProperties props, Environment env) {
        String url = env.getProperty("spring.datasource.url");
        String appUser = env.getProperty("spring.datasource.username", "");
        if (StringUtils.hasText(props.migrationUser())) {
            return new MigrationCredentials(url, props.migrationUser(), props.migrationPassword(), appUser);
        }
        return new MigrationCredentials(url, appUser, env.getProperty("spring.datasource.password"), appUser);
    }

    /** Flyway connects as the migration account unless it is the application's own. */
    @Bean
    FlywayConfigurationCustomizer migrationAccount(MigrationCredentials credentials, Environment env) {
        return configuration -> {
            if (!credentials.sameAccount()) {
                configuration.dataSource(migrationDataSource(credentials, env));
            }
        };
    }

    @Bean
    LeastPrivilegeGrants leastPrivilegeGrants(MigrationCredentials credentials, DatabaseAccessProperties props) {
        return new LeastPrivilegeGrants(credentials, props.appUserHost());
    }

    @Bean
    FlywayMigrationStrategy retiredMigrations() {
        return new RetiredMigrations();
    }

    /**
     * A plain (unpooled) connection source for the few connections a migration run needs, with the same
     * driver properties as the application's pool (e.g. {@code connectionCollation}).
     */
    private static DataSource migrationDataSource(MigrationCredentials credentials, Environment env) {
        Properties props = new Properties();
        Binder.get(env)
                .bind("spring.datasource.hikari.data-source-properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of())
                .forEach(props::setProperty);
        props.setProperty("user", credentials.username());
        props.setProperty("password", credentials.password() == null ? "" : credentials.password());
        try {
            Driver driver = DriverManager.getDriver(credentials.url());
            SimpleDriverDataSource ds = new SimpleDriverDataSource(driver, credentials.url());
            ds.setConnectionProperties(props);
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException("No JDBC driver for the database URL", e);
        }
    }

    /** True when {@code spring.datasource.url} (fed by {@code DB_URL}) is set. */
    static class ExternalDatabaseCondition implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new NoExternalDatabaseCondition().matches(context, metadata);
        }
    }
}
