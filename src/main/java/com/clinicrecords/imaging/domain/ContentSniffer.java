package com.clinicrecords.imaging.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Decides a file's type from its first bytes only; the client's Content-Type and file name are ignored.
 * DICOM Part 10 files are recognised by the "DICM" marker after the 128-byte preamble, PNG, JPEG and PDF by the
 * signature they start with (the same answer Tika's magic database gives for them); everything else is left to
 * Tika and accepted only if it is on the allowlist. Tika tries its whole database (about 2 ms per upload in the
 * upload benchmark's profile); TIFF stays with Tika, which tells TIFF-based camera raw formats (refused) from
 * plain TIFF.
 */
@Component
public class ContentSniffer {

    public static final String DICOM = "application/dicom";
    private static final Set<String> ALLOWED = Set.of("image/png", "image/jpeg", "image/tiff", "application/pdf");

    private final Tika tika = new Tika();

    public Optional<String> detect(byte[] head) {
        if (DicomHeaderReader.isDicom(head)) {
            return Optional.of(DICOM);
        }
        String signed = bySignature(head);
        if (signed != null) {
            return Optional.of(signed);
        }
        String detected = tika.detect(head);
        return ALLOWED.contains(detected) ? Optional.of(detected) : Optional.empty();
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    /** PNG, JPEG or PDF when the head starts with its signature, otherwise null. */
    static String bySignature(byte[] head) {
        if (startsWith(head, PNG)) {
            return "image/png";
        }
        if (startsWith(head, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(head, PDF)) {
            return "application/pdf";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length
                && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }

    public static String extensionFor(String contentType) {
        return switch (contentType) {
            case DICOM -> ".dcm";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/tiff" -> ".tiff";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }
}
