package com.clinicrecords.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The application's own database account cannot rewrite history: it may read and append audit rows, but not
 * update, delete, truncate, alter or drop the table, nor drop (or create) its triggers. Holds on the embedded
 * MariaDB and on a default MySQL (binary log on, no SUPER), where the triggers may be missing and the grants
 * are the whole protection.
 */
class AuditLeastPrivilegeIntegrationTests extends IntegrationTest {

    @Test
    void shouldLetTheApplicationAccountOnlyReadAndAppendAuditRows() throws SQLException {
        TestDatabase.Server db = TestDatabase.get();
        assumeFalse(db.username().equals(db.migrationUsername()), "needs separate application and migration accounts");
        try (Connection app = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement statement = app.createStatement()) {
            assertThatCode(() -> statement.executeUpdate(
                            "insert into audit_events (occurred_at, resource_type, action, outcome, detail) "
                                    + "values (utc_timestamp(6), 'test', 'READ', 'ALLOW', 'least-privilege')"))
                    .doesNotThrowAnyException();
            long id = lastId(statement);

            assertRefused(statement, "update audit_events set outcome = 'DENY' where id = " + id);
            assertRefused(statement, "delete from audit_events where id = " + id);
            assertRefused(statement, "truncate table audit_events");
            if (triggersExist(db)) {
                assertRefused(statement, "drop trigger audit_events_no_delete");
                assertRefused(statement, "drop trigger audit_events_no_update");
            } else {
                // MySQL without SUPER: no triggers to drop; the account has no TRIGGER privilege to drop one with.
                assertThat(grants(statement)).noneMatch(g -> g.contains("TRIGGER") || g.contains("ALL PRIVILEGES"));
            }
            assertRefused(
                    statement,
                    "create trigger audit_events_sneak before delete on audit_events for each row set @x = 1");
            assertRefused(statement, "alter table audit_events add column sneaky int");
            assertRefused(statement, "drop table audit_events");
            assertRefused(statement, "rename table audit_events to audit_events_old");

            try (ResultSet rows = statement.executeQuery("select count(*) from audit_events where id = " + id)) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    private static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql))
                .as(sql)
                .isInstanceOf(SQLException.class)
                .satisfies(e ->
                        assertThat(e.getMessage()).as(sql).containsAnyOf("denied", "append-only", "SUPER privilege"));
    }

    private static boolean triggersExist(TestDatabase.Server db) throws SQLException {
        try (Connection owner = DriverManager.getConnection(db.url(), db.migrationUsername(), db.migrationPassword());
                Statement statement = owner.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from information_schema.triggers "
                        + "where event_object_schema = database() and event_object_table = 'audit_events'")) {
            rows.next();
            return rows.getInt(1) == 2;
        }
    }

    private static List<String> grants(Statement statement) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("show grants")) {
            while (rows.next()) {
                grants.add(rows.getString(1));
            }
        }
        assertThat(grants).anyMatch(g -> g.contains("audit_events") && g.contains("SELECT, INSERT"));
        return grants;
    }

    private static long lastId(Statement statement) throws SQLException {
        try (ResultSet rows =
                statement.executeQuery("select max(id) from audit_events where detail = 'least-privilege'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
