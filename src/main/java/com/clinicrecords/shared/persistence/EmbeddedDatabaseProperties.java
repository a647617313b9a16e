package com.clinicrecords.shared.persistence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the embedded MariaDB keeps its binaries and data when no external database is configured. */
@ConfigurationProperties("clinic.embedded-db")
public record EmbeddedDatabaseProperties(Path baseDir, Path dataDir, int port, String databaseName) {

    public EmbeddedDatabaseProperties {
        baseDir = baseDir != null ? baseDir : Path.of("data", "mariadb-base");
        dataDir = dataDir != null ? dataDir : Path.of("data", "mariadb");
        databaseName = databaseName != null ? databaseName : "clinic";
    }
}
