package com.clinicrecords.imaging.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link ImageStorage} must have; subclasses supply a real backend. */
abstract class StorageContract {

    abstract ImageStorage storage();

    @Test
    void shouldCommitAndReadRangesWhenContentIsWritten() throws IOException {
        byte[] content = randomBytes(200_000);
        ImageStorage.TempObject temp = storage().writeTemp(new ByteArrayInputStream(content));
        assertThat(temp.size()).isEqualTo(content.length);
        String key = "images/" + UUID.randomUUID();

        storage().commit(temp, key);

        assertThat(storage().exists(key)).isTrue();
        assertThat(storage().exists(temp.key())).isFalse();
        try (InputStream in = storage().openRange(key, 1000, 5000)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 1000, 6000));
        }
        try (InputStream in = storage().openRange(key, 0, content.length)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        storage().delete(key);
        assertThat(storage().exists(key)).isFalse();
    }

    @Test
    void shouldStreamMultiplePartsWhenContentIsLargerThanOnePart() throws IOException {
        byte[] content = randomBytes(S3ObjectStorage.MIN_PART_SIZE * 2 + 12345);
        ImageStorage.TempObject temp = storage().writeTemp(new ByteArrayInputStream(content));
        String key = "images/" + UUID.randomUUID();
        storage().commit(temp, key);

        try (InputStream in = storage().openRange(key, content.length - 100, 100)) {
            assertThat(in.readAllBytes())
                    .isEqualTo(java.util.Arrays.copyOfRange(content, content.length - 100, content.length));
        }
        storage().delete(key);
    }

    @Test
    void shouldLeaveNothingWhenTheSourceFailsMidway() {
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > S3ObjectStorage.MIN_PART_SIZE + 10) {
                    throw new IOException("client went away");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> storage().writeTemp(failing)).isInstanceOf(IOException.class);
        assertThat(leftovers()).isZero();
    }

    @Test
    void shouldSweepOnlyTemporaryObjectsWhenOlderThanCutoff() throws IOException {
        ImageStorage.TempObject committed = storage().writeTemp(new ByteArrayInputStream(randomBytes(1000)));
        String key = "images/" + UUID.randomUUID();
        storage().commit(committed, key);
        ImageStorage.TempObject abandoned = storage().writeTemp(new ByteArrayInputStream(randomBytes(1000)));

        assertThat(storage().sweepTemp(java.time.Instant.now().minusSeconds(3600)))
                .isZero();
        assertThat(storage().sweepTemp(java.time.Instant.now().plusSeconds(60))).isPositive();

        assertThat(storage().exists(abandoned.key())).isFalse();
        assertThat(storage().exists(key)).isTrue();
        assertThat(leftovers()).isZero();
    }

    /** Number of temporary objects still present. */
    abstract long leftovers();

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
