package com.clinicrecords.imaging.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        // flush-behind is for writes through the page cache (direct I/O leaves no dirty pages)
        LocalFileStorage flushing = new LocalFileStorage(
                dir.resolve("flushing"),
                task -> {
                    flushes.incrementAndGet();
                    task.run();
                },
                false);
        byte[] data = new byte[(int) (3 * LocalFileStorage.FLUSH_BEHIND_BYTES + 12345)];
        new Random(3).nextBytes(data);

        ImageStorage.TempObject temp = flushing.writeTemp(new ByteArrayInputStream(data));
        flushing.commit(temp, "images/ab/flushed");

        assertThat(flushes).hasValue(3);
        try (InputStream in = flushing.openRange("images/ab/flushed", 0, data.length)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                0,
                1,
                4095,
                4097,
                LocalFileStorage.DIRECT_BUFFER,
                LocalFileStorage.DIRECT_BUFFER + 1,
                3 * LocalFileStorage.DIRECT_BUFFER + 12345
            })
    void shouldKeepEveryByteAndTheExactSizeWhenWrittenWithAndWithoutDirectIo(int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        for (boolean directIo : new boolean[] {true, false}) {
            LocalFileStorage files = new LocalFileStorage(dir.resolve("direct-" + directIo), null, directIo);
            // O_DIRECT where the test's file system has it (ext4, xfs...); page cache on tmpfs
            assertThat(files.writesDirect()).isEqualTo(directIo && files.writesDirect());

            ImageStorage.TempObject temp = files.writeTemp(new ByteArrayInputStream(data));
            files.commit(temp, "images/ab/sized");

            assertThat(temp.size()).isEqualTo(size);
            assertThat(Files.size(dir.resolve("direct-" + directIo).resolve("images/ab/sized")))
                    .isEqualTo(size);
            try (InputStream in = files.openRange("images/ab/sized", 0, size)) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
        }
    }

    @Test
    void shouldWriteEveryUploadWhenMoreRunAtOnceThanHaveDirectBuffers() throws Exception {
        LocalFileStorage files = new LocalFileStorage(dir.resolve("concurrent"), null, true);
        int uploads = LocalFileStorage.DIRECT_UPLOADS + 3;
        CountDownLatch allStarted = new CountDownLatch(uploads);
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        try {
            List<Future<byte[]>> written = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                byte[] data = new byte[LocalFileStorage.DIRECT_BUFFER * 2 + i];
                new Random(i).nextBytes(data);
                String key = "images/cc/upload-" + i;
                written.add(pool.submit(() -> {
                    // every upload holds its buffers (or has none) before any byte arrives
                    InputStream held = new ByteArrayInputStream(data) {
                        private boolean waited;

                        @Override
                        public synchronized int read(byte[] b, int off, int len) {
                            if (!waited) {
                                waited = true;
                                allStarted.countDown();
                                try {
                                    allStarted.await(30, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                            return super.read(b, off, len);
                        }
                    };
                    files.commit(files.writeTemp(held), key);
                    try (InputStream in = files.openRange(key, 0, data.length)) {
                        assertThat(in.readAllBytes()).isEqualTo(data);
                    }
                    return data;
                }));
            }
            for (Future<byte[]> upload : written) {
                assertThat(upload.get(60, TimeUnit.SECONDS)).isNotEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLeaveNothingWhenTheSourceFailsMidwayWithDirectIo() {
        LocalFileStorage files = new LocalFileStorage(dir.resolve("failing"), null, true);
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > LocalFileStorage.DIRECT_BUFFER + 10) {
                    throw new IOException("client gone");
                }
                return 7;
            }
        };

        assertThatThrownBy(() -> files.writeTemp(failing)).isInstanceOf(IOException.class);

        try (Stream<Path> left = Files.list(dir.resolve("failing/.tmp"))) {
            assertThat(left).isEmpty();
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
