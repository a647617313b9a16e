package com.clinicrecords.imaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelinedDigestInputStreamTests {

    private final ThreadPoolExecutor threads = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                0,
                1,
                PipelinedDigestInputStream.BUFFER_SIZE - 1,
                PipelinedDigestInputStream.BUFFER_SIZE,
                PipelinedDigestInputStream.BUFFERS * PipelinedDigestInputStream.BUFFER_SIZE * 3 + 12345
            })
    void shouldDigestEveryByteOnTheSecondThreadWhenReadInOddSizes(int size) throws Exception {
        byte[] data = random(size);

        PipelinedDigestInputStream in =
                new PipelinedDigestInputStream(new ByteArrayInputStream(data), sha256(), threads);
        byte[] copy = readInOddSizes(in);

        assertThat(copy).isEqualTo(data);
        assertThat(in.digest()).isEqualTo(sha256().digest(data));
        // the pool counts the task a moment after the digest was handed over
        await().atMost(Duration.ofSeconds(30)).until(() -> threads.getCompletedTaskCount() == 1);
    }

    @Test
    void shouldDigestOnTheReadersThreadWhenNoThreadIsFree() throws Exception {
        byte[] data = random(3 * PipelinedDigestInputStream.BUFFER_SIZE + 7);

        PipelinedDigestInputStream in =
                new PipelinedDigestInputStream(new ByteArrayInputStream(data), sha256(), task -> {
                    throw new RejectedExecutionException("busy");
                });
        readInOddSizes(in);

        assertThat(in.digest()).isEqualTo(sha256().digest(data));
    }

    @Test
    void shouldReleaseTheHashingThreadWhenTheUploadFailsHalfWay() throws Exception {
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 3 * PipelinedDigestInputStream.BUFFER_SIZE) {
                    throw new IOException("client gone");
                }
                return served & 0xFF;
            }
        };
        PipelinedDigestInputStream in = new PipelinedDigestInputStream(failing, sha256(), threads);

        assertThatThrownBy(() -> in.readNBytes(10 * PipelinedDigestInputStream.BUFFER_SIZE))
                .isInstanceOf(IOException.class);
        in.stop();

        await().atMost(Duration.ofSeconds(30)).until(() -> threads.getCompletedTaskCount() == 1);
        assertThat(threads.getActiveCount()).isZero();
    }

    @Test
    void shouldRefuseADigestWhenBytesAreLeftUnread() throws Exception {
        ExecutorService none = Executors.newSingleThreadExecutor();
        try {
            PipelinedDigestInputStream in =
                    new PipelinedDigestInputStream(new ByteArrayInputStream(random(100)), sha256(), none);
            in.readNBytes(10);
            assertThatThrownBy(in::digest).isInstanceOf(IllegalStateException.class);
            in.stop();
        } finally {
            none.shutdownNow();
        }
    }

    private static byte[] readInOddSizes(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[70_001];
        int[] sizes = {1, 333, 70_001, 4096, 65_536};
        int i = 0;
        int n;
        while ((n = in.read(buffer, 0, sizes[i++ % sizes.length])) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] random(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }
}
