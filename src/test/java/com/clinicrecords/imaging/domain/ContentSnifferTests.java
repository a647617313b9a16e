package com.clinicrecords.imaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;

/** The signature shortcut gives the answer Tika gives, and leaves everything else to Tika. */
class ContentSnifferTests {

    private static final Map<String, byte[]> SIGNED = Map.of(
            "png", bytes(0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'),
            "apng", apng(),
            "jpeg jfif", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0),
            "jpeg exif", bytes(0xff, 0xd8, 0xff, 0xe1, 0, 16, 'E', 'x', 'i', 'f', 0, 0),
            "jpeg quantisation table first", bytes(0xff, 0xd8, 0xff, 0xdb),
            "pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
            "pdf from an illustrator",
                    "%PDF-1.5\n1 0 obj\n<</Creator (Adobe Illustrator)>>".getBytes(StandardCharsets.US_ASCII));

    private static final Map<String, byte[]> UNSIGNED = Map.of(
            "tiff little-endian", bytes('I', 'I', 42, 0, 8, 0, 0, 0),
            "tiff big-endian", bytes('M', 'M', 0, 42, 0, 0, 0, 8),
            "canon raw (tiff-based)", bytes('I', 'I', 42, 0, 16, 0, 0, 0, 'C', 'R', 2, 0),
            "pdf after a line of junk", "junk\n%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII),
            "half a png signature", bytes(0x89, 'P', 'N', 'G'),
            "zip", bytes('P', 'K', 3, 4),
            "html", "<!DOCTYPE html><html>".getBytes(StandardCharsets.US_ASCII),
            "gif", "GIF89a".getBytes(StandardCharsets.US_ASCII));

    private final Tika tika = new Tika();
    private final ContentSniffer sniffer = new ContentSniffer();

    @Test
    void shouldAnswerLikeTikaWhenTheHeadStartsWithASignature() {
        for (byte[] head : heads(SIGNED)) {
            String bySignature = ContentSniffer.bySignature(head);

            assertThat(bySignature).isNotNull().isEqualTo(tika.detect(head));
            assertThat(sniffer.detect(head)).contains(bySignature);
        }
    }

    @Test
    void shouldLeaveOtherHeadsToTika() {
        for (byte[] head : heads(UNSIGNED)) {
            assertThat(ContentSniffer.bySignature(head)).isNull();
        }
        assertThat(sniffer.detect(padded(UNSIGNED.get("tiff little-endian"), 100, 0)))
                .contains("image/tiff");
        assertThat(sniffer.detect(padded(UNSIGNED.get("tiff big-endian"), 100, 0)))
                .contains("image/tiff");
        assertThat(sniffer.detect(padded(UNSIGNED.get("pdf after a line of junk"), 100, 0)))
                .contains("application/pdf");
        assertThat(sniffer.detect(padded(UNSIGNED.get("canon raw (tiff-based)"), 100, 0)))
                .isEmpty();
        assertThat(sniffer.detect(padded(UNSIGNED.get("zip"), 100, 0))).isEmpty();
        assertThat(sniffer.detect(padded(UNSIGNED.get("gif"), 100, 0))).isEmpty();
    }

    /** Each signature alone, followed by zeros and followed by random bytes, short and as long as a real head. */
    private static List<byte[]> heads(Map<String, byte[]> signatures) {
        List<byte[]> heads = new ArrayList<>();
        long seed = 1;
        for (byte[] signature : signatures.values()) {
            for (int extra : new int[] {0, 100, UploadReceiver.HEAD_BYTES - signature.length}) {
                heads.add(padded(signature, extra, 0));
                heads.add(padded(signature, extra, seed++));
            }
        }
        return heads;
    }

    /** The signature and {@code extra} more bytes: zeros, or random bytes from the seed when it is not 0. */
    private static byte[] padded(byte[] signature, int extra, long seed) {
        byte[] head = new byte[signature.length + extra];
        if (seed != 0) {
            new Random(seed).nextBytes(head);
        }
        System.arraycopy(signature, 0, head, 0, signature.length);
        return head;
    }

    private static byte[] apng() {
        byte[] head = new byte[64];
        System.arraycopy(bytes(0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'), 0, head, 0, 16);
        System.arraycopy("acTL".getBytes(StandardCharsets.US_ASCII), 0, head, 37, 4);
        return head;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
