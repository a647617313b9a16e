package com.clinicrecords.identity.security;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.Decoders;
import io.jsonwebtoken.security.Keys;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The HS256 key for access tokens. In the {@code prod} profile a missing, malformed or weak key stops the
 * application from starting; elsewhere a random key is generated (tokens then die with the process).
 */
@Component
public class JwtSigningKey {

    private static final Logger log = LoggerFactory.getLogger(JwtSigningKey.class);
    private static final int MIN_BYTES = 32;
    // A random 32-byte key has ~30 distinct byte values; a repeated or typed phrase has far fewer.
    private static final int MIN_DISTINCT_BYTES = 16;
    private static final String HOW_TO_GENERATE = "generate one with: openssl rand -base64 32";

    private final SecretKey key;

    public JwtSigningKey(JwtProperties props, Environment env) {
        boolean production = env.acceptsProfiles(Profiles.of("prod"));
        if (!StringUtils.hasText(props.secret())) {
            if (production) {
                throw new IllegalStateException(
                        "JWT_SECRET is required in production (base64 of >= 32 random bytes); " + HOW_TO_GENERATE);
            }
            log.warn("JWT_SECRET is not set: generated a random signing key for this run (development mode). "
                    + "Tokens will not survive a restart. Set JWT_SECRET for real deployments.");
            this.key = Jwts.SIG.HS256.key().build();
            return;
        }
        byte[] bytes = decode(props.secret());
        String weakness = weakness(bytes);
        if (weakness != null) {
            if (production) {
                throw new IllegalStateException("JWT_SECRET is too weak: " + weakness + "; " + HOW_TO_GENERATE);
            }
            log.warn("JWT_SECRET is weak ({}); acceptable only outside production", weakness);
        }
        this.key = Keys.hmacShaKeyFor(bytes.length >= MIN_BYTES ? bytes : Arrays.copyOf(bytes, MIN_BYTES));
    }

    public SecretKey key() {
        return key;
    }

    private static byte[] decode(String secret) {
        try {
            return Decoders.BASE64.decode(secret.trim());
        } catch (RuntimeException e) {
            throw new IllegalStateException("JWT_SECRET must be base64 encoded; " + HOW_TO_GENERATE, e);
        }
    }

    static String weakness(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            return "shorter than " + MIN_BYTES + " bytes";
        }
        long distinct = new String(bytes, StandardCharsets.ISO_8859_1)
                .chars()
                .distinct()
                .count();
        if (distinct < MIN_DISTINCT_BYTES) {
            return "too little variety to be random";
        }
        if (isPrintableText(bytes)) {
            return "it decodes to printable text (a passphrase), not random bytes";
        }
        return null;
    }

    /**
     * True when the key is readable text (valid UTF-8 without control characters other than whitespace): a
     * base64-encoded sentence. Random bytes are valid UTF-8 of that kind with negligible probability.
     */
    static boolean isPrintableText(byte[] bytes) {
        try {
            CharBuffer text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return text.codePoints().allMatch(cp -> !Character.isISOControl(cp) || Character.isWhitespace(cp));
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
