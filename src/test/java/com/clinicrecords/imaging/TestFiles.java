package com.clinicrecords.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Real-format sample files built byte by byte, each with random content so no two are identical. */
public final class TestFiles {

    private TestFiles() {}

    public static byte[] png(int size) {
        return withHead(
                size, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    }

    public static byte[] jpeg(int size) {
        return withHead(
                size,
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0});
    }

    public static byte[] pdf(int size) {
        return withHead(size, "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    public static byte[] tiff(int size) {
        return withHead(size, new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
    }

    /** Looks like a PNG by name only. */
    public static byte[] text(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + ThreadLocalRandom.current().nextInt(26));
        }
        return bytes;
    }

    /** A DICOM Part 10 file: preamble, DICM, meta group, then the data set in the given transfer syntax. */
    public static byte[] dicom(String modality, String bodyPart, String studyDate, boolean implicitVr, int pixelBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        element(out, 0x0002, 0x0001, "OB", new byte[] {0, 1}, false);
        element(
                out,
                0x0002,
                0x0010,
                "UI",
                ascii(implicitVr ? "1.2.840.10008.1.2" : "1.2.840.10008.1.2.1", (byte) 0),
                false);
        element(out, 0x0008, 0x0020, "DA", ascii(studyDate, (byte) ' '), implicitVr);
        element(out, 0x0008, 0x0060, "CS", ascii(modality, (byte) ' '), implicitVr);
        element(out, 0x0010, 0x0010, "PN", ascii("Doe^Jane", (byte) ' '), implicitVr);
        element(out, 0x0018, 0x0015, "CS", ascii(bodyPart, (byte) ' '), implicitVr);
        byte[] pixels = new byte[pixelBytes];
        ThreadLocalRandom.current().nextBytes(pixels);
        element(out, 0x7FE0, 0x0010, "OW", pixels, implicitVr);
        return out.toByteArray();
    }

    private static void element(
            ByteArrayOutputStream out, int group, int element, String vr, byte[] value, boolean implicitVr) {
        boolean longLength = vr.equals("OB") || vr.equals("OW") || vr.equals("SQ") || vr.equals("UN");
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) group).putShort((short) element);
        if (implicitVr) {
            header.putInt(value.length);
        } else if (longLength) {
            header.put(vr.getBytes(StandardCharsets.US_ASCII))
                    .putShort((short) 0)
                    .putInt(value.length);
        } else {
            header.put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) value.length);
        }
        out.write(header.array(), 0, header.position());
        out.writeBytes(value);
    }

    /** DICOM values have even length, padded with space (text) or NUL (UIDs). */
    private static byte[] ascii(String s, byte pad) {
        byte[] raw = s.getBytes(StandardCharsets.US_ASCII);
        if (raw.length % 2 == 0) {
            return raw;
        }
        byte[] padded = java.util.Arrays.copyOf(raw, raw.length + 1);
        padded[raw.length] = pad;
        return padded;
    }

    private static byte[] withHead(int size, byte[] head) {
        byte[] bytes = new byte[Math.max(size, head.length)];
        ThreadLocalRandom.current().nextBytes(bytes);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** multipart/form-data with the file part plus text fields. */
    public static Multipart multipart(String filename, String partType, byte[] content, String... fields) {
        String boundary = "----clinic" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                            + fields[i + 1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + partType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    public record Multipart(byte[] body, String contentType) {}
}
