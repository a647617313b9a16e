package com.clinicrecords.shared.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The database accounts for an external database: Flyway migrates as {@code migrationUser} ({@code FLYWAY_USER},
 * falling back to {@code DB_USER}); the application's own account ({@code DB_USER}) gets table privileges from
 * {@link LeastPrivilegeGrants}, granted to {@code 'DB_USER'@'appUserHost'}.
 */
@ConfigurationProperties("clinic.database")
public record DatabaseAccessProperties(String migrationUser, String migrationPassword, String appUserHost) {

    public DatabaseAccessProperties {
        appUserHost = appUserHost == null || appUserHost.isBlank() ? "%" : appUserHost;
    }
}
