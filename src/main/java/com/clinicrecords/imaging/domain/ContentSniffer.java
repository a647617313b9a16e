package com.clinicrecords.imaging.domain;

import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Decides a file's type from its first bytes only; the client's Content-Type and file name are ignored.
 * DICOM Part 10 files are recognised by the "DICM" marker after the 128-byte preamble; everything else is
 * left to Tika's magic-byte database and accepted only if it is on the allowlist.
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
        String detected = tika.detect(head);
        return ALLOWED.contains(detected) ? Optional.of(detected) : Optional.empty();
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
