package com.clinicrecords.shared.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code cursor} of a keyset-paged list: the sort it was issued for (e.g. {@code startsAt,asc}) and
 * the sort key(s) of the last row of a page, the id last as tie-breaker. The next page starts after that row,
 * so pages neither repeat nor skip rows while rows are added, and a deep page costs as much as the first.
 *
 * <p>Written by hand because it is a few lines of Base64: each part is Base64url-encoded (so any text, commas
 * included, survives) and a check value (the first 8 bytes of SHA-256 over the parts) is appended, so a cursor
 * that was cut, mistyped or edited is a 400 {@code validation-failed} on the field {@code cursor}, like a
 * malformed audit cursor. The check is no secret: a forged cursor only names another position in the list, the
 * query still applies the caller's scope and binds every value as a parameter.
 */
public record PageCursor(String sort, List<String> keys) {

    /** Longer tokens are refused before any decoding. */
    public static final int MAX_LENGTH = 1024;

    private static final String VERSION = "c1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public PageCursor {
        keys = List.copyOf(keys);
    }

    /** The token for a page that starts after the row with these sort keys (id last), in the given sort. */
    public static String encode(String sort, String... keys) {
        List<String> parts = new ArrayList<>();
        parts.add(VERSION);
        parts.add(part(sort));
        for (String key : keys) {
            parts.add(part(key));
        }
        String body = String.join(".", parts);
        return body + "." + check(body);
    }

    /**
     * Reads a token issued for {@code expectedSort} with {@code keyCount} keys; 400 (field {@code cursor}) if it
     * is malformed, altered, or was issued for another sort.
     */
    public static PageCursor decode(String token, String expectedSort, int keyCount) {
        if (token.isEmpty() || token.length() > MAX_LENGTH) {
            throw invalid("is not a cursor of this list");
        }
        int lastDot = token.lastIndexOf('.');
        String body = lastDot < 0 ? "" : token.substring(0, lastDot);
        if (lastDot < 0
                || !MessageDigest.isEqual(
                        check(body).getBytes(StandardCharsets.US_ASCII),
                        token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid("is not a cursor of this list");
        }
        String[] parts = body.split("\\.", -1);
        if (parts.length != keyCount + 2 || !VERSION.equals(parts[0])) {
            throw invalid("is not a cursor of this list");
        }
        List<String> decoded = new ArrayList<>();
        for (String part : Arrays.asList(parts).subList(1, parts.length)) {
            try {
                decoded.add(new String(DECODER.decode(part), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw invalid("is not a cursor of this list");
            }
        }
        String sort = decoded.get(0);
        if (!sort.equals(expectedSort)) {
            throw invalid("was issued for sort=" + sort + ", not for sort=" + expectedSort
                    + "; send the sort it was issued for, or start again without a cursor");
        }
        return new PageCursor(sort, decoded.subList(1, decoded.size()));
    }

    /** A 400 naming the field {@code cursor}, for keys that decode but do not parse. */
    public static InvalidFieldException invalid(String message) {
        return new InvalidFieldException("cursor", message);
    }

    private static String part(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String check(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
