package com.clinicrecords.audit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The database side of the append-only audit trail: triggers that make any UPDATE or DELETE of an
 * {@code audit_events} row fail, whatever code or console issues it. Created by migration
 * {@code V202611261200__audit_protect_audit_events_if_permitted} and checked again after every migration run (as
 * the migration account), so they appear on the first start after the account is allowed to create them.
 *
 * <p>MySQL with binary logging on (its default) and {@code log_bin_trust_function_creators} off lets only an
 * account with SUPER create triggers. Without it the triggers are skipped, not failed: the append-only guarantee
 * then rests on the grants alone (the application's account has only SELECT and INSERT on the table, see
 * {@code LeastPrivilegeGrants}), and the log says so at every start.
 */
@Component
public class AuditTriggers implements Callback {

    private static final Logger log = LoggerFactory.getLogger(AuditTriggers.class);

    /** Trigger name to its statement: one trigger per statement, each safe to run again. */
    static final Map<String, String> TRIGGERS = new LinkedHashMap<>();

    static {
        TRIGGERS.put(
                "audit_events_no_update",
                "CREATE TRIGGER IF NOT EXISTS audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW "
                        + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'");
        TRIGGERS.put(
                "audit_events_no_delete",
                "CREATE TRIGGER IF NOT EXISTS audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW "
                        + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'");
    }

    /** MySQL/MariaDB error codes meaning "this account may not create triggers here". */
    private static final Set<Integer> NOT_PERMITTED = Set.of(
            1419, // ER_BINLOG_CREATE_ROUTINE_NEED_SUPER: binary log on, no SUPER, trust_function_creators off
            1227, // ER_SPECIFIC_ACCESS_DENIED_ERROR
            1142, // ER_TABLEACCESS_DENIED_ERROR: no TRIGGER privilege
            1044); // ER_DBACCESS_DENIED_ERROR

    /**
     * Creates the missing triggers if this connection's account may.
     *
     * @return the triggers that could not be created (empty when all are in place)
     */
    static Set<String> createIfPermitted(Connection connection) throws SQLException {
        Set<String> missing = new TreeSet<>(TRIGGERS.keySet());
        missing.removeAll(existing(connection));
        Set<String> refused = new TreeSet<>();
        try (Statement statement = connection.createStatement()) {
            for (String name : missing) {
                try {
                    statement.execute(TRIGGERS.get(name));
                } catch (SQLException e) {
                    if (!NOT_PERMITTED.contains(e.getErrorCode())) {
                        throw e;
                    }
                    log.debug("Could not create trigger {}: {}", name, e.getMessage());
                    refused.add(name);
                }
            }
        }
        return refused;
    }

    private static Set<String> existing(Connection connection) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT trigger_name FROM information_schema.triggers "
                                + "WHERE event_object_schema = DATABASE() AND event_object_table = 'audit_events'");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static boolean auditTableExists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM information_schema.tables "
                        + "WHERE table_schema = DATABASE() AND table_name = 'audit_events'");
                ResultSet rows = query.executeQuery()) {
            return rows.next() && rows.getInt(1) > 0;
        }
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Connection connection = context.getConnection();
            if (!auditTableExists(connection)) {
                return;
            }
            Set<String> refused = createIfPermitted(connection);
            if (refused.isEmpty()) {
                log.info("Audit trail is append-only in the database: triggers {} are in place", TRIGGERS.keySet());
            } else {
                log.warn(
                        "Audit triggers {} could not be created: the migration account may not create triggers "
                                + "(MySQL with binary logging needs SUPER or log_bin_trust_function_creators=ON). The "
                                + "append-only audit trail rests on grants alone: the application's account must have only "
                                + "SELECT and INSERT on audit_events.",
                        refused);
            }
        } catch (SQLException e) {
            log.warn("Could not check the audit triggers: {}", e.getMessage());
        }
    }

    @Override
    public String getCallbackName() {
        return "audit-triggers";
    }
}
