package com.clinicrecords.imaging.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTests {

    private static final String BOUNDARY = "----bench-boundary-42";

    @Test
    void shouldStreamFileAndFieldsWhenContentSpansBlocksAndLooksLikeTheBoundary() throws IOException {
        // bigger than two read blocks, with near-boundaries inside (and across block edges)
        byte[] file = new byte[2 * MultipartReader.BUFFER + 12345];
        new Random(7).nextBytes(file);
        byte[] fake = ("\r\n--" + BOUNDARY.substring(0, 10)).getBytes(StandardCharsets.US_ASCII);
        for (int at : new int[] {0, 1000, MultipartReader.BUFFER - 5, 2 * MultipartReader.BUFFER - 1}) {
            System.arraycopy(fake, 0, file, at, fake.length);
        }
        byte[] body = body(
                part("description", null, "a scan".getBytes()),
                part("file", "scan.png", file),
                part("modality", null, "CT".getBytes()));

        List<String> seen = new ArrayList<>();
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY, 20, 8192);
        byte[] received = null;
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            seen.add(p.name() + "="
                    + (p.isFile() ? p.filename() : new String(p.content().readAllBytes())));
            if (p.isFile()) {
                received = p.content().readAllBytes();
            }
        }

        assertThat(seen).containsExactly("description=a scan", "file=scan.png", "modality=CT");
        assertThat(received).isEqualTo(file);
    }

    @Test
    void shouldSkipUnreadPartsWhenNextIsCalled() throws IOException {
        byte[] body = body(
                part("other", "x.bin", new byte[MultipartReader.BUFFER * 2]), part("modality", null, "MR".getBytes()));
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY, 20, 8192);

        assertThat(reader.next().name()).isEqualTo("other");
        MultipartReader.Part second = reader.next();
        assertThat(new String(second.content().readAllBytes())).isEqualTo("MR");
        assertThat(reader.next()).isNull();
    }

    @Test
    void shouldFailWhenTheBodyEndsBeforeTheClosingBoundary() {
        byte[] whole = body(part("file", "a.png", new byte[100_000]));
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 20);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(truncated), BOUNDARY, 20, 8192);

        assertThatThrownBy(() -> {
                    for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
                        p.content().readAllBytes();
                    }
                })
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldFailWhenThereAreTooManyParts() {
        byte[][] parts = new byte[5][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = part("f" + i, null, "v".getBytes());
        }
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(parts)), BOUNDARY, 3, 8192);

        assertThatThrownBy(() -> {
                    while (reader.next() != null) {
                        // read on
                    }
                })
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldFindTheBoundaryOfAContentType() {
        assertThat(MultipartReader.boundary("multipart/form-data; boundary=abc"))
                .isEqualTo("abc");
        assertThat(MultipartReader.boundary("multipart/form-data; boundary=\"a b\""))
                .isEqualTo("a b");
        assertThat(MultipartReader.boundary("multipart/form-data")).isNull();
    }

    private static byte[] part(String name, String filename, byte[] content) {
        String disposition = "Content-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\n" + disposition + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] body(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
