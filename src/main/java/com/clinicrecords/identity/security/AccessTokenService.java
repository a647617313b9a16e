package com.clinicrecords.identity.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Issues and verifies access tokens (RFC 8725): HS256 only, {@code typ=at+jwt}, fixed iss/aud, and a
 * mandatory {@code exp}, which jjwt alone does not require. No personal data goes into claims.
 */
@Service
public class AccessTokenService {

    static final String TYPE = "at+jwt";
    static final String SESSION_CLAIM = "sid";

    private final JwtSigningKey signingKey;
    private final JwtProperties props;
    private final Clock clock;
    private final JwtParser parser;

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
    }

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
                    UUID.fromString(claims.getSubject()), UUID.fromString(claims.get(SESSION_CLAIM, String.class)));
        } catch (IllegalArgumentException e) {
            throw new JwtException("malformed claim", e);
        }
    }

    public record VerifiedAccessToken(UUID userId, UUID sessionId) {}
}
