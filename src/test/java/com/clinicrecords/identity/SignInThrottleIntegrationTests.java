package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicrecords.identity.domain.AccountService;
import com.clinicrecords.identity.domain.AuthService;
import com.clinicrecords.identity.domain.ClientInfo;
import com.clinicrecords.identity.domain.RegisterCommand;
import com.clinicrecords.identity.domain.ThrottleProperties;
import com.clinicrecords.shared.domain.TooManyRequestsException;
import com.clinicrecords.shared.domain.UnauthorizedException;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.Mailbox;
import com.clinicrecords.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8 items 1, 2 and 6 through the real HTTP API: the sign-in throttle counts the account whatever the
 * spelling, reserves before hashing (parallel guesses never get more hashes than the limit), tells the owner
 * when the account-wide limit trips, and credentials in a query string are refused.
 */
class SignInThrottleIntegrationTests extends IntegrationTest {

    private static final int PER_ACCOUNT_CLIENT = 10;

    @Autowired
    AccountService accounts;

    @Autowired
    AuthService auth;

    @Autowired
    ThrottleProperties.Login throttle;

    private String account(String localPart) {
        String email = localPart + "-" + UUID.randomUUID() + "@example.test";
        accounts.create(new RegisterCommand(email, TestUsers.PASSWORD, "Vic", "Tim", null), List.of("PATIENT"));
        return email;
    }

    private ApiResponse login(String email, String password) {
        return api.post("/api/auth/login")
                .json(Map.of("email", email, "password", password))
                .send();
    }

    /** "victim@…" with its first letter in full width: NFKC makes it the same address. */
    private static String fullWidthFirst(String email) {
        return (char) (email.charAt(0) - 'a' + 'ａ') + email.substring(1);
    }

    @Test
    void shouldCountEverySpellingOfAnAddressAgainstTheSameAccount() {
        String email = account("victim");
        List<String> spellings = List.of(
                email,
                email.toUpperCase(),
                "  " + email + " ",
                fullWidthFirst(email),
                fullWidthFirst(email).replace('@', '＠'));
        for (int i = 0; i < PER_ACCOUNT_CLIENT; i++) {
            ApiResponse wrong = login(spellings.get(i % spellings.size()), "wrong password " + i);
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
        }
        for (String spelling : spellings) {
            ApiResponse right = login(spelling, TestUsers.PASSWORD);
            assertThat(right.status()).as(spelling + " " + right).isEqualTo(429);
            assertThat(right.header("Retry-After")).isNotNull();
        }
    }

    @Test
    void shouldSignInWithAFullWidthSpellingButNotWithAnAccentedLookalike() {
        String email = account("victor");
        assertThat(login(fullWidthFirst(email), TestUsers.PASSWORD).status()).isEqualTo(200);
        // The email column's collation treats "ï" and "i" as equal; the canonical column does not.
        String lookalike = "v\u00efctor" + email.substring("victor".length());
        assertThat(login(lookalike, TestUsers.PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void shouldNeverCheckMoreThanTheLimitWhen40GuessesArriveAtOnce() throws Exception {
        String email = account("parallel");
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String password = "parallel wrong guess " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return login(email, password).status();
                }));
            }
            start.countDown();
            int checked = 0;
            for (Future<Integer> result : results) {
                int status = result.get(120, TimeUnit.SECONDS);
                assertThat(status).isIn(401, 429, 503);
                if (status == 401) {
                    checked++;
                }
            }
            System.out.println(
                    "40 parallel wrong passwords: " + checked + " were checked (limit " + PER_ACCOUNT_CLIENT + ")");
            assertThat(checked).isBetween(1, PER_ACCOUNT_CLIENT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldEmailTheOwnerOnceWhenManyClientsTogetherTripTheAccountWideLimit() {
        String email = account("owner");
        // Over HTTP every request comes from 127.0.0.1, so the clients are simulated at the service.
        int perAccount = throttle.perAccount().capacity() > 0
                ? (int) throttle.perAccount().capacity()
                : 50;
        for (int i = 0; i < perAccount; i++) {
            ClientInfo client = new ClientInfo("test", "198.51.100." + (i + 1));
            assertThatThrownBy(() -> auth.login(email, "guess from a botnet", client))
                    .isInstanceOf(UnauthorizedException.class);
        }
        assertThatThrownBy(() -> auth.login(email, TestUsers.PASSWORD, new ClientInfo("test", "203.0.113.99")))
                .isInstanceOf(TooManyRequestsException.class);
        var mails = Mailbox.await(email, 1, Duration.ofSeconds(30));
        assertThat(Mailbox.body(mails.get(0))).contains("many failed attempts");
    }

    @Test
    void shouldRefuseCredentialsInTheQueryString() {
        String email = account("query");
        ApiResponse token = api.post("/api/auth/token?username=" + email + "&password=x")
                .form(Map.of("grant_type", "password", "username", email, "password", TestUsers.PASSWORD))
                .send();
        assertThat(token.status()).as(token.toString()).isEqualTo(400);
        assertThat(token.contentType()).contains("application/problem+json");
        assertThat(token.text("type")).endsWith("credentials-in-query");

        ApiResponse onlyInQuery = api.post("/api/auth/token?grant_type=password&username=" + email + "&password="
                        + TestUsers.PASSWORD.replace(" ", "+"))
                .form(Map.of())
                .send();
        assertThat(onlyInQuery.status()).as(onlyInQuery.toString()).isEqualTo(400);

        ApiResponse login = api.post("/api/auth/login?password=x")
                .json(Map.of("email", email, "password", TestUsers.PASSWORD))
                .send();
        assertThat(login.status()).as(login.toString()).isEqualTo(400);
        assertThat(login.text("type")).endsWith("credentials-in-query");
        // The same sign-in without the query string works.
        assertThat(login(email, TestUsers.PASSWORD).status()).isEqualTo(200);
    }
}
