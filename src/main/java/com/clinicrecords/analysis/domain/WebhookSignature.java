package com.clinicrecords.analysis.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures: {@code v1=} + hex HMAC-SHA256, keyed with the client's webhook secret (its UTF-8 bytes),
 * over {@code <timestamp>.<body>}, where the timestamp is the {@value #TIMESTAMP_HEADER} header (Unix seconds).
 * Receivers recompute it, compare in constant time and refuse timestamps older than five minutes. The JDK's
 * javax.crypto is used: it is the standard implementation, no library needed.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "Clinic-Webhook-Id";
    public static final String TIMESTAMP_HEADER = "Clinic-Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "Clinic-Webhook-Signature";
    public static final long REPLAY_WINDOW_SECONDS = 300;

    private WebhookSignature() {}

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** What a receiver does: a fresh timestamp and a signature that matches (constant-time comparison). */
    public static boolean verify(String secret, String timestampHeader, String signatureHeader, String body, long now) {
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader);
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
        if (Math.abs(now - timestamp) > REPLAY_WINDOW_SECONDS || signatureHeader == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signatureHeader.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
