package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicrecords.ClinicRecordsApplication;
import com.clinicrecords.shared.persistence.MissingDatabaseUrlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A production start with an empty {@code DB_URL} (e.g. a {@code .env} whose URL was lost) must refuse to start
 * with a clear message instead of quietly keeping production data in an embedded database in a local folder.
 */
class ProdProfileWithoutDatabaseTests {

    @Test
    void shouldRefuseToStartInProdWithoutDbUrl(@TempDir Path dir) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);

        assertThatThrownBy(() -> new SpringApplicationBuilder(ClinicRecordsApplication.class)
                        .profiles("prod")
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=",
                                "--clinic.embedded-db.base-dir=" + dir.resolve("base"),
                                "--clinic.embedded-db.data-dir=" + dir.resolve("data"),
                                "--spring.mail.host=127.0.0.1",
                                "--spring.mail.port=1",
                                "--clinic.security.jwt.secret="
                                        + Base64.getEncoder().encodeToString(key)))
                .hasRootCauseInstanceOf(MissingDatabaseUrlException.class)
                .rootCause()
                .hasMessageContaining("DB_URL is empty");
        assertThat(Files.exists(dir.resolve("data")))
                .as("no embedded server was started")
                .isFalse();
    }
}
