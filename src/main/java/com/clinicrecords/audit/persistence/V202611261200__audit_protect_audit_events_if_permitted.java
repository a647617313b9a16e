package com.clinicrecords.audit.persistence;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Makes the audit trail append-only in the database where the migration account may create triggers, and
 * succeeds (leaving the protection to the grants) where it may not. Replaces the retired SQL migration 7.2,
 * which failed on MySQL with binary logging and no SUPER privilege. Java because the outcome depends on the
 * server's answer; the class name is Flyway's version and description (registered as a bean, which Spring
 * Boot hands to Flyway). {@link AuditTriggers} logs the result after the run.
 */
@Component
public class V202611261200__audit_protect_audit_events_if_permitted extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AuditTriggers.createIfPermitted(context.getConnection());
    }
}
