package com.clinicrecords.imaging.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
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
    void shouldFlushBehindAndKeepEveryByteWhenALargeObjectIsWritten() throws IOException {
        AtomicInteger flushes = new AtomicInteger();
        LocalFileStorage flushing = new LocalFileStorage(dir.resolve("flushing"), task -> {
            flushes.incrementAndGet();
            task.run();
        });
        byte[] data = new byte[(int) (3 * LocalFileStorage.FLUSH_BEHIND_BYTES + 12345)];
        new Random(3).nextBytes(data);

        ImageStorage.TempObject temp = flushing.writeTemp(new ByteArrayInputStream(data));
        flushing.commit(temp, "images/ab/flushed");

        assertThat(flushes).hasValue(3);
        try (InputStream in = flushing.openRange("images/ab/flushed", 0, data.length)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void shouldRefuseKeysThatLeaveTheRootWhenResolving() {
        assertThatThrownBy(() -> storage().exists("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().exists("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
