package com.clinicrecords.identity;

import static com.clinicrecords.identity.AccountFeaturesIntegrationTests.registration;
import static com.clinicrecords.identity.AccountFeaturesIntegrationTests.sevenDigits;
import static com.clinicrecords.identity.AccountFeaturesIntegrationTests.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.identity.domain.SelfRegistration;
import com.clinicrecords.identity.domain.SelfRegistration.Mode;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.Mailbox;
import com.clinicrecords.support.TestUsers;
import com.clinicrecords.support.TestUsers.Account;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8 item 5: SELF_REGISTRATION=open|private|off. The mode lives in a bean, switched here within the shared
 * application context and restored after each test.
 */
class SelfRegistrationModesIntegrationTests extends IntegrationTest {

    @Autowired
    SelfRegistration selfRegistration;

    @AfterEach
    void restore() {
        selfRegistration.setMode(Mode.OPEN);
    }

    @Test
    void privateModeAnswersByteForByteAlikeForNewAndTakenAddresses() {
        Account existing = users.patient();
        String digits = sevenDigits();
        assertThat(api.post("/api/auth/register")
                        .json(registration(uniqueEmail(), "+49 228 " + digits))
                        .send()
                        .status())
                .isEqualTo(201);
        selfRegistration.setMode(Mode.PRIVATE);

        String newEmail = uniqueEmail();
        ApiResponse fresh = register(registration(newEmail, null));
        ApiResponse takenEmail = register(registration(existing.email(), null));
        ApiResponse takenPhone = register(registration(uniqueEmail(), "0228 " + digits));

        assertThat(fresh.status()).isEqualTo(202);
        assertThat(takenEmail.status()).isEqualTo(202);
        assertThat(takenPhone.status()).isEqualTo(202);
        assertThat(takenEmail.raw()).isEqualTo(fresh.raw());
        assertThat(takenPhone.raw()).isEqualTo(fresh.raw());
        assertThat(fresh.raw()).doesNotContain(newEmail);

        assertThat(Mailbox.awaitBody(existing.email(), 1)).contains("You already have an");
        String code = Mailbox.extract(Mailbox.awaitBody(newEmail, 1), "verification code: ([0-9]{6})");
        assertThat(login(newEmail).status()).as("pending until confirmed").isEqualTo(401);
        assertThat(api.post("/api/auth/email-verification/confirm")
                        .json(Map.of("email", newEmail, "code", code))
                        .send()
                        .status())
                .as("a pending account needs the sign-up's password too")
                .isEqualTo(400);
        assertThat(api.post("/api/auth/email-verification/confirm")
                        .json(Map.of("email", newEmail, "code", code, "password", "Another-password-42!"))
                        .send()
                        .status())
                .as("another password: the same 400 as a wrong code")
                .isEqualTo(400);
        assertThat(api.post("/api/auth/email-verification/confirm")
                        .json(Map.of("email", newEmail, "code", code, "password", TestUsers.PASSWORD))
                        .send()
                        .status())
                .isEqualTo(204);
        ApiResponse signedIn = login(newEmail);
        assertThat(signedIn.status()).isEqualTo(200);
        ApiResponse me =
                api.get("/api/users/me").token(signedIn.text("access_token")).send();
        assertThat(me.text("status")).isEqualTo("ACTIVE");
        assertThat(me.json().path("emailVerified").asBoolean()).isTrue();
        assertThat(me.json().path("roles").toString()).contains("PATIENT");
    }

    @Test
    void offModeLeavesAccountCreationToAdmins() {
        selfRegistration.setMode(Mode.OFF);
        ApiResponse refused = register(registration(uniqueEmail(), null));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).isEqualTo("/problems/registration-closed");
    }

    @Test
    void signUpsAreThrottledPerAddressInEveryMode() {
        String email = uniqueEmail();
        selfRegistration.setMode(Mode.PRIVATE);
        for (int i = 0; i < 5; i++) {
            assertThat(register(registration(email, null)).status()).isEqualTo(202);
        }
        ApiResponse throttled = register(registration(email, null));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        selfRegistration.setMode(Mode.OPEN);
        assertThat(register(registration(email, null)).status()).isEqualTo(429);
    }

    private ApiResponse register(Map<String, Object> body) {
        return api.post("/api/auth/register").json(body).send();
    }

    private ApiResponse login(String email) {
        return api.post("/api/auth/login")
                .json(Map.of("login", email, "password", TestUsers.PASSWORD))
                .send();
    }
}
