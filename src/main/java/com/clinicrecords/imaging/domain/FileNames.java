package com.clinicrecords.imaging.domain;

import java.util.Locale;

/**
 * Cleans a client-supplied file name for display and for Content-Disposition. It is never used as a storage
 * path: only the last path segment is kept, control characters, bidirectional-text controls (U+202A-202E,
 * U+2066-2069, U+200E/F, U+061C: "evil\u202Egnp.exe" displays as "evilexe.png") and characters that are
 * unsafe in headers or on common file systems are dropped, and the length is capped. The extension always
 * matches the detected content type: a PNG+HTML polyglot named "x.html" is stored and downloaded as "x.png".
 */
public final class FileNames {

    private static final int MAX = 200;

    private FileNames() {}

    public static String sanitise(String raw, String contentType) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\"*:<>?|;%]", "")
                .strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        String ext = ContentSniffer.extensionFor(contentType);
        if (name.isBlank()) {
            return "image" + ext;
        }
        if (!ext.isEmpty() && !hasExtensionOf(name, contentType)) {
            int dot = name.lastIndexOf('.');
            // A short suffix after the last dot is a (wrong) extension: replaced; anything else is kept.
            if (dot > 0 && name.length() - dot <= 10) {
                name = name.substring(0, dot);
            }
            name = name + ext;
        }
        if (name.length() > MAX) {
            int dot = name.lastIndexOf('.');
            String suffix = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX - suffix.length()) + suffix;
        }
        return name;
    }

    private static boolean hasExtensionOf(String name, String contentType) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (contentType) {
            case "image/jpeg" -> lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".jpe");
            case "image/tiff" -> lower.endsWith(".tif") || lower.endsWith(".tiff");
            case ContentSniffer.DICOM -> lower.endsWith(".dcm") || lower.endsWith(".dicom");
            default -> lower.endsWith(ContentSniffer.extensionFor(contentType));
        };
    }
}
