package com.clinicrecords.imaging.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStorageTests extends StorageContract {

    @TempDir
    Path dir;

    private LocalFileStorage storage;

    @Override
    ImageStorage storage() {
        if (storage == null) {
            storage = new LocalFileStorage(dir);
        }
        return storage;
    }

    @Override
    long leftovers() {
        try (Stream<Path> files = Files.list(dir.resolve(".tmp"))) {
            return files.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRefuseKeysThatLeaveTheRootWhenResolving() {
        assertThatThrownBy(() -> storage().exists("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().exists("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
