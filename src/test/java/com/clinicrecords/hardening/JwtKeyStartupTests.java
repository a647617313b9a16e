package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.identity.security.JwtProperties;
import com.clinicrecords.identity.security.JwtSigningKey;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;

/** T-06: in production the application refuses to start without a strong JWT key (no shared context here). */
class JwtKeyStartupTests {

    private final ApplicationContextRunner prod = new ApplicationContextRunner()
            .withUserConfiguration(KeyOnly.class)
            .withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"));

    @Test
    void shouldRefuseToStartInProdWithoutJwtSecret() {
        prod.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("JWT_SECRET is required");
        });
    }

    @Test
    void shouldRefuseToStartInProdWithShortJwtSecret() {
        prod.withPropertyValues("clinic.security.jwt.secret=" + base64(random(16)))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("too weak");
                });
    }

    @Test
    void shouldRefuseToStartInProdWithPassphraseAsJwtSecret() {
        String passphrase = base64("passwordpasswordpasswordpassword".getBytes());
        prod.withPropertyValues("clinic.security.jwt.secret=" + passphrase).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("too weak");
        });
    }

    @Test
    void shouldRefuseToStartInProdWithBase64OfASentenceAndSayHowToGenerateAKey() {
        String sentence = base64("The quick brown fox jumps over the lazy dog, twice a day!".getBytes());
        prod.withPropertyValues("clinic.security.jwt.secret=" + sentence).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("printable text")
                    .hasMessageContaining("openssl rand -base64 32");
        });
    }

    @Test
    void shouldRefuseToStartInProdWithSecretThatIsNotBase64() {
        prod.withPropertyValues("clinic.security.jwt.secret=not base64 at all!")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void shouldStartInProdWithRandom256BitSecret() {
        prod.withPropertyValues("clinic.security.jwt.secret=" + base64(random(32)))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JwtSigningKey.class));
    }

    @Test
    void shouldStartOutsideProdWithoutSecret() {
        new ApplicationContextRunner()
                .withUserConfiguration(KeyOnly.class)
                .run(context -> assertThat(context).hasNotFailed());
    }

    static byte[] random(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    // Deliberately not @Configuration: the application's component scan must never pick it up.
    @EnableConfigurationProperties(JwtProperties.class)
    @Import(JwtSigningKey.class)
    static class KeyOnly {}
}
