package com.clinicrecords.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbPathTests {

    @Test
    void shouldSpellDataFolderUnderTempDirSoMariaDb4jDoesNotTreatItAsDisposable() throws IOException {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "clinic-checkout", "data", "mariadb");

        File kept = EmbeddedMariaDb.keptOutOfTempCleanup(underTmp);

        assertThat(kept.getAbsolutePath())
                .doesNotStartWith(new File(System.getProperty("java.io.tmpdir")).getAbsolutePath());
        assertThat(kept.getCanonicalPath()).isEqualTo(underTmp.toFile().getCanonicalPath());
    }

    @Test
    void shouldLeaveOtherFoldersAsTheyAre() {
        Path elsewhere = Path.of("target", "data", "mariadb").toAbsolutePath();
        assumeFalse(
                elsewhere.toString().startsWith(System.getProperty("java.io.tmpdir")),
                "this checkout itself lives under the temp dir");
        assertThat(EmbeddedMariaDb.keptOutOfTempCleanup(elsewhere).getPath()).isEqualTo(elsewhere.toString());
    }
}
