package com.clinicrecords.support;

import com.clinicrecords.shared.persistence.EmbeddedMariaDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * One database server per test JVM: MySQL 8.4 in a container when Docker is available, otherwise the same
 * embedded MariaDB the application uses locally. Never H2, never a mock. Set {@code -Dclinic.test.db=embedded}
 * to skip the Docker probe.
 */
public final class TestDatabase {

    private static Server server;

    private TestDatabase() {}

    public static synchronized Server get() {
        if (server == null) {
            server = useDocker() ? mysql() : mariaDb();
        }
        return server;
    }

    private static boolean useDocker() {
        if ("embedded".equals(System.getProperty("clinic.test.db"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Server mysql() {
        MySQLContainer container = new MySQLContainer("mysql:8.4")
                .withDatabaseName("clinic")
                .withCommand(
                        "--character-set-server=utf8mb4",
                        "--collation-server=utf8mb4_unicode_ci",
                        // binary logging is on in MySQL 8.4: a non-SUPER user may only create triggers with this
                        "--log-bin-trust-function-creators=1");
        container.start();
        return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(), null);
    }

    private static Server mariaDb() {
        try {
            Path root = Path.of("target", "test-mariadb");
            Path data = root.resolve("data-" + UUID.randomUUID());
            Files.createDirectories(root);
            EmbeddedMariaDb db = EmbeddedMariaDb.start(root.resolve("base"), data, 0, "clinic");
            return new Server(db.jdbcUrl(), db.username(), db.password(), db);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connection details, plus the embedded server handle for outage tests (null under Docker). */
    public record Server(String url, String username, String password, EmbeddedMariaDb embedded) {}
}
