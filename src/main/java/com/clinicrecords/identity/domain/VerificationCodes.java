package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.security.JwtSigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Six-digit one-time codes. A plain hash of a 6-digit code could be reversed by trying all million values,
 * so codes are stored as HMAC-SHA-256 under a key derived from the server secret, bound to the user.
 */
@Component
class VerificationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    VerificationCodes(JwtSigningKey signingKey) {
        // Derived sub-key (HMAC as a KDF with a purpose label): the token key itself never hashes codes.
        byte[] derived =
                hmac(new SecretKeySpec(signingKey.key().getEncoded(), "HmacSHA256"), "email-verification-codes/v1");
        this.key = new SecretKeySpec(derived, "HmacSHA256");
    }

    String generate() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    String hash(Object userId, String code) {
        return HexFormat.of().formatHex(hmac(key, userId + ":" + code));
    }

    boolean matches(Object userId, String code, String storedHash) {
        return MessageDigest.isEqual(
                hash(userId, code).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
