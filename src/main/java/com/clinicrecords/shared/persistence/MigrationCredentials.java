package com.clinicrecords.shared.persistence;

/**
 * How Flyway connects (the account that owns the schema) and which account the application itself uses, so
 * that {@link LeastPrivilegeGrants} can give the latter only what it needs.
 */
public record MigrationCredentials(String url, String username, String password, String appUsername) {

    /** True when migrations and the application share one account (no least privilege possible). */
    public boolean sameAccount() {
        return username == null || username.isBlank() || username.equals(appUsername);
    }

    @Override
    public String toString() {
        return "MigrationCredentials[url=" + url + ", username=" + username + ", appUsername=" + appUsername + "]";
    }
}
