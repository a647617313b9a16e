package com.clinicrecords.imaging.domain;

/**
 * Cleans a client-supplied file name for display and for Content-Disposition. It is never used as a storage
 * path: only the last path segment is kept, control characters and characters that are unsafe in headers or
 * on common file systems are dropped, and the length is capped.
 */
public final class FileNames {

    private static final int MAX = 200;

    private FileNames() {}

    public static String sanitise(String raw, String contentType) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"*:<>?|;%]", "").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > MAX) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX - ext.length()) + ext;
        }
        return name.isBlank() ? "image" + ContentSniffer.extensionFor(contentType) : name;
    }
}
