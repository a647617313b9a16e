package com.clinicrecords.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.identity.domain.AccountService;
import com.clinicrecords.identity.domain.RegisterCommand;
import com.clinicrecords.identity.domain.User;
import com.clinicrecords.shared.security.Roles;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/** Creates accounts with given roles and signs them in through the real login endpoint. */
@TestComponent
public class TestUsers {

    public static final String PASSWORD = "correct horse battery staple 42";

    private final AccountService accounts;
    private final Environment env;

    TestUsers(AccountService accounts, Environment env) {
        this.accounts = accounts;
        this.env = env;
    }

    public Account admin() {
        return withRoles(Roles.ADMIN);
    }

    public Account doctor() {
        return withRoles(Roles.DOCTOR);
    }

    public Account patient() {
        return withRoles(Roles.PATIENT);
    }

    public Account withRoles(String... roles) {
        String email = "user-" + UUID.randomUUID() + "@example.test";
        User user = accounts.create(new RegisterCommand(email, PASSWORD, "Test", "User", null), List.of(roles));
        return login(user.getId(), email, PASSWORD);
    }

    public Account login(UUID id, String email, String password) {
        ApiResponse response = api().post("/api/auth/login")
                .json(Map.of("email", email, "password", password))
                .send();
        assertThat(response.status()).as("login of %s: %s", email, response).isEqualTo(200);
        return new Account(id, email, password, response.text("access_token"), response.text("refresh_token"));
    }

    private ApiClient api() {
        return new ApiClient(Integer.parseInt(env.getRequiredProperty("local.server.port")));
    }

    /** A signed-in user: {@code accessToken} goes into the Authorization header. */
    public record Account(UUID id, String email, String password, String accessToken, String refreshToken) {}
}
