package com.clinicrecords.shared.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every migration run, the migration account grants the application's account exactly what it needs, table
 * by table: {@code SELECT, INSERT, UPDATE, DELETE} on every table, and only {@code SELECT, INSERT} on the
 * append-only ones. The application's account gets no schema-wide grant, so it cannot create, alter, drop or
 * truncate anything, nor drop the audit triggers (MySQL and MariaDB have no per-table revoke under a schema-wide
 * grant, so table grants are the only way to exclude one table). New tables are covered on the start that
 * creates them.
 *
 * <p>Needs a migration account with {@code GRANT OPTION} on the schema. Without it, or when migrations and the
 * application share one account, the grants are left as they are and the log says so.
 */
public class LeastPrivilegeGrants implements Callback {

    /** Tables the application may only read and append to. */
    static final Set<String> APPEND_ONLY_TABLES = Set.of("audit_events");

    private static final Logger log = LoggerFactory.getLogger(LeastPrivilegeGrants.class);
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private final MigrationCredentials credentials;
    private final String appUserHost;

    LeastPrivilegeGrants(MigrationCredentials credentials, String appUserHost) {
        this.credentials = credentials;
        this.appUserHost = appUserHost;
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
        if (credentials.sameAccount()) {
            log.warn(
                    "Migrations run as the application's own database account ({}): it keeps every privilege it "
                            + "has. Set FLYWAY_USER/FLYWAY_PASSWORD to a separate schema owner for least privilege "
                            + "(append-only audit then rests on grants as well as triggers).",
                    credentials.appUsername());
            return;
        }
        String grantee = quote(credentials.appUsername()) + "@" + quote(appUserHost);
        Connection connection = context.getConnection();
        try {
            List<String> tables = tables(connection);
            try (Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    String privileges =
                            APPEND_ONLY_TABLES.contains(table) ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
                    statement.execute("GRANT " + privileges + " ON " + identifier(table) + " TO " + grantee);
                }
            }
            log.info(
                    "Granted {} table privileges on {} tables (SELECT, INSERT only on {})",
                    grantee,
                    tables.size(),
                    APPEND_ONLY_TABLES);
        } catch (SQLException e) {
            log.warn(
                    "Could not grant table privileges to {} ({}): the migration account needs GRANT OPTION on the "
                            + "schema and the account must exist. The application account keeps the grants it has; "
                            + "append-only audit then rests on the database triggers alone.",
                    grantee,
                    e.getMessage());
        }
    }

    @Override
    public String getCallbackName() {
        return "least-privilege-grants";
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                if (!HISTORY_TABLE.equalsIgnoreCase(table)) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
