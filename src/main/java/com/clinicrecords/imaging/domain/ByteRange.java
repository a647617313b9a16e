package com.clinicrecords.imaging.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slice of a file to send, from an HTTP Range header (RFC 9110 §14). One byte range is served as 206;
 * a missing, syntactically invalid or multi-range header is ignored (the whole file, 200), which RFC 9110
 * allows; a valid range that starts beyond the end is 416.
 */
public record ByteRange(long first, long last, boolean partial) {

    private static final Pattern SINGLE = Pattern.compile("(\\d{0,18})-(\\d{0,18})");

    public long length() {
        return last - first + 1;
    }

    /** The raw Range header value, possibly null. */
    public record Requested(String header) {

        public static final Requested NONE = new Requested(null);

        public ByteRange resolve(long size) {
            ByteRange whole = new ByteRange(0, size - 1, false);
            if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
                return whole;
            }
            Matcher m = SINGLE.matcher(header.substring(6).trim());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                return whole;
            }
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    throw new RangeNotSatisfiableException(size);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1, true);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
            if (last < first) {
                return whole;
            }
            if (first >= size) {
                throw new RangeNotSatisfiableException(size);
            }
            return new ByteRange(first, Math.min(last, size - 1), true);
        }
    }
}
