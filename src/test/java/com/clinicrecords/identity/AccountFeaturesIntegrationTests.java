package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.Mailbox;
import com.clinicrecords.support.TestUsers;
import com.clinicrecords.support.TestUsers.Account;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Issue 13 items 3-6: user search, sign-in by phone, changing the email address, confirming without a session. */
class AccountFeaturesIntegrationTests extends IntegrationTest {

    private static final String VERIFICATION_CODE = "verification code: ([0-9]{6})";
    private static final String CHANGE_CODE = "confirmation code: ([0-9]{6})";

    @Test
    void shouldSignInWithThePhoneNumberInAnySpelling() {
        String digits = sevenDigits();
        String email = uniqueEmail();
        ApiResponse registered = register(email, "+49 (227) " + digits.substring(0, 3) + "-" + digits.substring(3));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.text("phone")).as("stored in E.164").isEqualTo("+49227" + digits);

        assertThat(login("login", "+49227" + digits).status()).isEqualTo(200);
        assertThat(login("login", "0227 " + digits).status())
                .as("national format, default region DE")
                .isEqualTo(200);
        assertThat(login("login", email.toUpperCase()).status())
                .as("login may be the email")
                .isEqualTo(200);
        assertThat(login("email", email).status())
                .as("the email field still works")
                .isEqualTo(200);
        assertThat(login("login", "+49227" + sevenDigits()).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/login")
                        .json(Map.of("password", TestUsers.PASSWORD))
                        .send()
                        .status())
                .isEqualTo(400);

        ApiResponse sameNumber = register(uniqueEmail(), "+49227 " + digits);
        assertThat(sameNumber.status())
                .as("one number, one account, whatever the spelling")
                .isEqualTo(409);
        assertThat(sameNumber.text("type")).isEqualTo("/problems/phone-taken");
        assertThat(register(uniqueEmail(), "call me maybe").status()).isEqualTo(400);
    }

    @Test
    void shouldRequireAMatchingPasswordConfirmationWhenOneIsGiven() {
        Map<String, Object> body = registration(uniqueEmail(), null);
        body.put("passwordConfirm", TestUsers.PASSWORD + " typo");
        ApiResponse mismatch = api.post("/api/auth/register").json(body).send();
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().path("errors").toString()).contains("passwordConfirm");
        body.put("passwordConfirm", TestUsers.PASSWORD);
        assertThat(api.post("/api/auth/register").json(body).send().status()).isEqualTo(201);
    }

    @Test
    void shouldConfirmTheFirstCodeWithoutSigningInAndRevealNothingAboutAddresses() {
        String email = uniqueEmail();
        assertThat(register(email, null).status()).isEqualTo(201);
        String code = Mailbox.extract(Mailbox.awaitBody(email, 1), VERIFICATION_CODE);
        String wrong = code.equals("000000") ? "111111" : "000000";

        ApiResponse wrongCode = confirmWithoutSession(email, wrong);
        ApiResponse unknown = confirmWithoutSession(uniqueEmail(), wrong);
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("type")).isEqualTo(wrongCode.text("type"));
        assertThat(unknown.text("detail")).isEqualTo(wrongCode.text("detail"));

        assertThat(confirmWithoutSession(email, code).status()).isEqualTo(204);
        assertThat(confirmWithoutSession(email, code).status()).as("single use").isEqualTo(400);
        String token = login("login", email).text("access_token");
        assertThat(api.get("/api/users/me")
                        .token(token)
                        .send()
                        .json()
                        .path("emailVerified")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void shouldChangeTheEmailAddressWithACodeSentToTheNewOne() {
        Account user = users.patient();
        String newEmail = uniqueEmail();
        assertThat(changeEmail(user, newEmail, "not my password at all").status())
                .isEqualTo(403);
        assertThat(changeEmail(user, "not-an-email", user.password()).status()).isEqualTo(400);
        assertThat(changeEmail(user, newEmail, user.password()).status()).isEqualTo(202);
        assertThat(changeEmail(user, newEmail, user.password()).status())
                .as("one code per minute")
                .isEqualTo(429);
        String code = Mailbox.extract(Mailbox.awaitBody(newEmail, 1), CHANGE_CODE);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(confirmChange(user, wrong).status()).isEqualTo(400);

        ApiResponse changed = confirmChange(user, code);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("email")).isEqualTo(newEmail);
        assertThat(changed.json().path("emailVerified").asBoolean()).isTrue();
        assertThat(Mailbox.awaitBody(user.email(), 1)).contains("was changed").doesNotContain(newEmail);
        assertThat(login("login", newEmail).status()).isEqualTo(200);
        assertThat(login("login", user.email()).status()).isEqualTo(401);
        assertThat(confirmChange(user, code).status()).as("single use").isEqualTo(400);
    }

    @Test
    void shouldNotTellWhetherTheNewAddressBelongsToSomeoneElse() {
        Account user = users.patient();
        Account other = users.patient();
        assertThat(changeEmail(user, other.email(), user.password()).status()).isEqualTo(202);
        assertThat(Mailbox.awaitBody(other.email(), 1)).contains("already belongs to an account");
        assertThat(confirmChange(user, "123456").status()).isEqualTo(400);
        assertThat(api.get("/api/users/me").token(user.accessToken()).send().text("email"))
                .isEqualTo(user.email());
    }

    @Test
    void shouldSearchUsersByTextRoleAndStatus() {
        String admin = users.admin().accessToken();
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        String digits = sevenDigits();
        Map<String, Object> body = registration(uniqueEmail(), "+49 228 " + digits);
        body.put("lastName", marker);
        ApiResponse created = api.post("/api/auth/register").json(body).send();
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");

        assertThat(ids(search(admin, "q=" + marker.toLowerCase()))).containsExactly(id);
        assertThat(ids(search(admin, "q=" + enc("0228 " + digits))))
                .as("phone in another spelling")
                .contains(id);
        assertThat(ids(search(admin, "q=" + enc("+49 228 " + digits.substring(0, 4)))))
                .as("the start of the number")
                .contains(id);
        assertThat(ids(search(admin, "q=" + enc("228 " + digits))))
                .as("without the trunk 0")
                .contains(id);
        assertThat(ids(search(admin, "q=" + digits.substring(2))))
                .as("inside the number")
                .doesNotContain(id);
        assertThat(ids(search(admin, "q=" + enc(marker.substring(0, 6) + " " + body.get("firstName")))))
                .as("word starts of names, any order")
                .contains(id);
        assertThat(ids(search(admin, "q=" + marker.substring(2))))
                .as("inside a name")
                .doesNotContain(id);
        ApiResponse tooManyWords = search(admin, "q=" + enc("a b c d e f"));
        assertThat(tooManyWords.status()).as(tooManyWords.toString()).isEqualTo(400);
        assertThat(ids(search(admin, "q=" + marker + "&role=DOCTOR"))).isEmpty();
        assertThat(ids(search(admin, "q=" + marker + "&role=PATIENT&status=ACTIVE")))
                .containsExactly(id);
        assertThat(ids(search(admin, "q=" + marker + "&status=DISABLED"))).isEmpty();
        assertThat(api.post("/api/admin/users/" + id + "/disable")
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(ids(search(admin, "q=" + marker + "&status=DISABLED"))).containsExactly(id);
        assertThat(ids(search(admin, "q=%25"))).as("wildcards match themselves").doesNotContain(id);
        assertThat(search(admin, "status=SLEEPING").status()).isEqualTo(400);
        assertThat(search(users.patient().accessToken(), "q=" + marker).status())
                .isEqualTo(403);
    }

    private ApiResponse search(String token, String query) {
        return api.get("/api/admin/users?" + query).token(token).send();
    }

    private static java.util.List<String> ids(ApiResponse page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        java.util.List<String> ids = new java.util.ArrayList<>();
        page.json().path("content").forEach(n -> ids.add(n.path("id").asString()));
        return ids;
    }

    private ApiResponse changeEmail(Account user, String newEmail, String password) {
        return api.post("/api/users/me/email")
                .token(user.accessToken())
                .json(Map.of("newEmail", newEmail, "currentPassword", password))
                .send();
    }

    private ApiResponse confirmChange(Account user, String code) {
        return api.post("/api/users/me/email/confirm")
                .token(user.accessToken())
                .json(Map.of("code", code))
                .send();
    }

    private ApiResponse confirmWithoutSession(String email, String code) {
        return api.post("/api/auth/email-verification/confirm")
                .json(Map.of("email", email, "code", code))
                .send();
    }

    private ApiResponse register(String email, String phone) {
        return api.post("/api/auth/register").json(registration(email, phone)).send();
    }

    private ApiResponse login(String field, String value) {
        return api.post("/api/auth/login")
                .json(Map.of(field, value, "password", TestUsers.PASSWORD))
                .send();
    }

    static Map<String, Object> registration(String email, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("password", TestUsers.PASSWORD);
        body.put("firstName", "Reg");
        body.put("lastName", "User");
        if (phone != null) {
            body.put("phone", phone);
        }
        return body;
    }

    static String uniqueEmail() {
        return "acct-" + UUID.randomUUID() + "@example.test";
    }

    /** Seven digits not starting with 0, so "+49227" + them is a possible German number. */
    static String sevenDigits() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
