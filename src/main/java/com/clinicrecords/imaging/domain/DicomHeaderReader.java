package com.clinicrecords.imaging.domain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the few header fields the API shows from the start of a DICOM Part 10 file (no DICOM library on Maven
 * Central is both maintained and small, so this is a deliberately minimal reader).
 *
 * <p>Layout (PS3.10 §7.1): a 128-byte preamble, "DICM", the file meta group (0002,xxxx) in explicit VR little
 * endian, then the data set in the transfer syntax named by (0002,0010). Explicit and implicit VR little endian
 * data sets are read; element by element until Modality (0008,0060), StudyDate (0008,0020) and
 * BodyPartExamined (0018,0015) are found, until pixel data (7FE0,0010), an undefined length, or the end of the
 * bytes given. Big-endian and deflated data sets are not read (the fields stay empty). It never throws on
 * malformed input: the worst case is missing metadata.
 */
public final class DicomHeaderReader {

    public record DicomHeader(String modality, String bodyPart, LocalDate studyDate) {
        static final DicomHeader EMPTY = new DicomHeader(null, null, null);
    }

    private static final int PREAMBLE = 128;
    private static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    private static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    private static final String DEFLATED = "1.2.840.10008.1.2.1.99";

    private DicomHeaderReader() {}

    public static boolean isDicom(byte[] head) {
        return head.length >= PREAMBLE + 4
                && head[128] == 'D'
                && head[129] == 'I'
                && head[130] == 'C'
                && head[131] == 'M';
    }

    public static DicomHeader read(byte[] head) {
        if (!isDicom(head)) {
            return DicomHeader.EMPTY;
        }
        try {
            return parse(ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).position(PREAMBLE + 4));
        } catch (RuntimeException malformed) {
            return DicomHeader.EMPTY;
        }
    }

    private static DicomHeader parse(ByteBuffer buf) {
        String transferSyntax = null;
        String modality = null;
        String bodyPart = null;
        LocalDate studyDate = null;
        while (buf.remaining() >= 8) {
            int start = buf.position();
            int group = Short.toUnsignedInt(buf.getShort());
            int element = Short.toUnsignedInt(buf.getShort());
            boolean implicit = group != 0x0002 && IMPLICIT_LE.equals(transferSyntax);
            if (group != 0x0002 && (EXPLICIT_BE.equals(transferSyntax) || DEFLATED.equals(transferSyntax))) {
                break;
            }
            long length;
            if (implicit) {
                length = Integer.toUnsignedLong(buf.getInt());
            } else {
                String vr = new String(new byte[] {buf.get(), buf.get()}, StandardCharsets.US_ASCII);
                if (hasLongLength(vr)) {
                    buf.getShort();
                    length = Integer.toUnsignedLong(buf.getInt());
                } else {
                    length = Short.toUnsignedInt(buf.getShort());
                }
            }
            if ((group == 0x7FE0 && element == 0x0010) || length == 0xFFFFFFFFL || length > buf.remaining()) {
                break;
            }
            byte[] value = new byte[(int) length];
            buf.get(value);
            int tag = (group << 16) | element;
            switch (tag) {
                case 0x00020010 -> transferSyntax = text(value);
                case 0x00080060 -> modality = limit(text(value), 16);
                case 0x00080020 -> studyDate = date(text(value));
                case 0x00180015 -> bodyPart = limit(text(value), 64);
                default -> {}
            }
            if (group > 0x0018 || buf.position() <= start) {
                break;
            }
        }
        return new DicomHeader(modality, bodyPart, studyDate);
    }

    /** PS3.5 §7.1.2: these VRs have 2 reserved bytes and a 32-bit length. */
    private static boolean hasLongLength(String vr) {
        return switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
            default -> false;
        };
    }

    /** DICOM pads values to even length with a space or NUL. Only printable ASCII is kept. */
    private static String text(byte[] value) {
        String s = new String(value, StandardCharsets.US_ASCII)
                .replaceAll("[^\\x20-\\x7E]", "")
                .trim();
        return s.isEmpty() ? null : s;
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
