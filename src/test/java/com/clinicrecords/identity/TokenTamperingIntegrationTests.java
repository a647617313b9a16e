package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.identity.security.JwtProperties;
import com.clinicrecords.identity.security.JwtSigningKey;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Forged, altered, expired or misused tokens are all refused with the same 401. */
class TokenTamperingIntegrationTests extends IntegrationTest {

    @Autowired
    JwtSigningKey signingKey;

    @Autowired
    JwtProperties props;

    @Test
    void shouldAcceptAProperlyBuiltTokenAsAControl() {
        TestUsers.Account patient = users.patient();
        assertAccepted(token(patient, signingKey.key(), UnaryOperator.identity()));
    }

    @Test
    void shouldRejectAlgNone() {
        TestUsers.Account patient = users.patient();
        String[] parts = patient.accessToken().split("\\.");
        String header = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
        assertRejected(header + "." + parts[1] + ".");
        assertRejected(b64("{\"alg\":\"NoNe\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".");
    }

    @Test
    void shouldRejectAnEditedPayload() {
        TestUsers.Account patient = users.patient();
        TestUsers.Account other = users.patient();
        String[] parts = patient.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(patient.id().toString(), other.id().toString());
        assertRejected(parts[0] + "." + b64(payload) + "." + parts[2]);
    }

    @Test
    void shouldRejectExpiredTokens() {
        TestUsers.Account patient = users.patient();
        Instant past = Instant.now().minusSeconds(3600);
        assertRejected(token(
                patient,
                signingKey.key(),
                b -> b.issuedAt(Date.from(past.minusSeconds(600)))
                        .notBefore(Date.from(past.minusSeconds(600)))
                        .expiration(Date.from(past))));
    }

    @Test
    void shouldRejectTokensSignedWithAnotherKey() {
        TestUsers.Account patient = users.patient();
        assertRejected(token(patient, Jwts.SIG.HS256.key().build(), UnaryOperator.identity()));
    }

    @Test
    void shouldRejectWrongTypeIssuerOrAudience() {
        TestUsers.Account patient = users.patient();
        assertRejected(
                token(patient, signingKey.key(), b -> b.header().type("JWT").and()));
        assertRejected(
                token(patient, signingKey.key(), b -> b.header().type("rt+jwt").and()));
        assertRejected(token(patient, signingKey.key(), b -> b.issuer("someone-else")));
        assertRejected(token(patient, signingKey.key(), b -> b.audience().single("other-api")));
    }

    @Test
    void shouldRejectTokensWithoutExpiryOrSession() {
        TestUsers.Account patient = users.patient();
        assertRejected(token(patient, signingKey.key(), b -> b.expiration(null)));
        assertRejected(token(patient, signingKey.key(), b -> b.claim("sid", null)));
        assertRejected(token(
                patient, signingKey.key(), b -> b.claim("sid", UUID.randomUUID().toString())));
    }

    @Test
    void shouldNotMixUpAccessAndRefreshTokens() {
        TestUsers.Account patient = users.patient();
        assertRejected(patient.refreshToken());
        ApiResponse refreshWithAccess = api.post("/api/auth/refresh")
                .json(Map.of("refreshToken", patient.accessToken()))
                .send();
        assertThat(refreshWithAccess.status()).isEqualTo(401);
    }

    @Test
    void shouldRejectGarbage() {
        assertRejected("not-a-token");
        assertRejected("a.b.c");
        assertRejected("");
    }

    private String token(TestUsers.Account account, SecretKey key, UnaryOperator<JwtBuilder> customise) {
        String sid = sessionOf(account);
        Instant now = Instant.now();
        JwtBuilder builder = Jwts.builder()
                .header()
                .type("at+jwt")
                .and()
                .issuer(props.issuer())
                .audience()
                .add(props.audience())
                .and()
                .subject(account.id().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .notBefore(Date.from(now))
                .expiration(Date.from(now.plusSeconds(300)))
                .claim("sid", sid);
        return customise.apply(builder).signWith(key, Jwts.SIG.HS256).compact();
    }

    private String sessionOf(TestUsers.Account account) {
        String payload = new String(
                Base64.getUrlDecoder().decode(account.accessToken().split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
    }

    private void assertAccepted(String token) {
        assertThat(api.get("/api/users/me").token(token).send().status()).isEqualTo(200);
    }

    private void assertRejected(String token) {
        ApiResponse response = api.get("/api/users/me")
                .header("Authorization", "Bearer " + token)
                .send();
        assertThat(response.status()).as(token).isEqualTo(401);
        assertThat(response.text("type")).isEqualTo("/problems/unauthorized");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
