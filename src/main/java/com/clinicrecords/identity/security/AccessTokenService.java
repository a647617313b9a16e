package com.clinicrecords.identity.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Issues and verifies access tokens (RFC 8725): HS256 only, {@code typ=at+jwt}, fixed iss/aud, and a
 * mandatory {@code exp}, which jjwt alone does not require. No personal data goes into claims.
 *
 * <p>A token that passed verification is remembered (by its exact text) until it expires, so the same token
 * sent again is not parsed and its signature not computed again (that was a tenth of a GET's CPU time in the
 * load benchmark). Only the token's own checks are skipped: whether its session is still open and its account
 * active is asked of the database on every request ({@code SessionAuthenticator}), so logout, password change,
 * disabling and role changes still take effect on the very next request. Only tokens that verified are kept,
 * so garbage cannot fill the cache; a restart (e.g. with a rotated key) empties it.
 */
@Service
public class AccessTokenService {

    static final String TYPE = "at+jwt";
    static final String SESSION_CLAIM = "sid";

    private final JwtSigningKey signingKey;
    private final JwtProperties props;
    private final Clock clock;
    private final JwtParser parser;
    private final Cache<String, Verified> verified;

    public AccessTokenService(JwtSigningKey signingKey, JwtProperties props, Clock clock) {
        this.signingKey = signingKey;
        this.props = props;
        this.clock = clock;
        this.parser = Jwts.parser()
                .verifyWith(signingKey.key())
                .sig()
                .clear()
                .add(Jwts.SIG.HS256)
                .and()
                .zip()
                .clear()
                .and()
                .requireIssuer(props.issuer())
                .requireAudience(props.audience())
                .clockSkewSeconds(props.clockSkew().toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
        // Bounded: at most one entry per token in use (one per signed-in browser tab or client, renewed each
        // access-token lifetime); the wall-clock expiry only frees memory, the validity check below uses the clock.
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(props.accessTokenTtl().plus(props.clockSkew()))
                .build();
    }

    static final int MAX_REMEMBERED = 20_000;

    public String issue(UUID userId, UUID sessionId) {
        Instant now = clock.instant();
        return Jwts.builder()
                .header()
                .type(TYPE)
                .and()
                .issuer(props.issuer())
                .audience()
                .add(props.audience())
                .and()
                .subject(userId.toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .notBefore(Date.from(now))
                .expiration(Date.from(now.plus(props.accessTokenTtl())))
                .claim(SESSION_CLAIM, sessionId.toString())
                .signWith(signingKey.key(), Jwts.SIG.HS256)
                .compact();
    }

    public long ttlSeconds() {
        return props.accessTokenTtl().toSeconds();
    }

    /** @throws JwtException for any invalid token; callers answer every failure with the same 401. */
    public VerifiedAccessToken verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            Instant now = clock.instant();
            if (now.isBefore(known.validUntil()) && !now.isBefore(known.validFrom())) {
                return known.token();
            }
            verified.invalidate(token);
        }
        VerifiedAccessToken result = parse(token);
        verified.put(token, result.remembered(props.clockSkew()));
        return result;
    }

    private VerifiedAccessToken parse(String token) {
        Jws<Claims> jws = parser.parseSignedClaims(token);
        if (!TYPE.equals(jws.getHeader().getType())) {
            throw new JwtException("unexpected token type");
        }
        Claims claims = jws.getPayload();
        if (claims.getExpiration() == null || claims.getSubject() == null || claims.get(SESSION_CLAIM) == null) {
            throw new JwtException("missing required claim");
        }
        try {
            return new VerifiedAccessToken(
                    UUID.fromString(claims.getSubject()),
                    UUID.fromString(claims.get(SESSION_CLAIM, String.class)),
                    claims.getNotBefore() == null
                            ? Instant.MIN
                            : claims.getNotBefore().toInstant(),
                    claims.getExpiration().toInstant());
        } catch (IllegalArgumentException e) {
            throw new JwtException("malformed claim", e);
        }
    }

    public record VerifiedAccessToken(UUID userId, UUID sessionId, Instant notBefore, Instant expiresAt) {

        /** Accepted from the cache strictly inside the window the parser accepts (skew included). */
        Verified remembered(Duration skew) {
            Instant from = notBefore.equals(Instant.MIN) ? Instant.MIN : notBefore.minus(skew);
            return new Verified(this, from, expiresAt.plus(skew));
        }
    }

    private record Verified(VerifiedAccessToken token, Instant validFrom, Instant validUntil) {}
}
