package com.clinicrecords.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole application on a random port, a real database and a real SMTP
 * server. All subclasses share one Spring context (same configuration), so the server starts once per run.
 * Tests create their own users with unique emails instead of cleaning tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestUsers.class, RoundTrips.class})
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestUsers users;

    protected ApiClient api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestMail.get().getSmtp().getPort());
    }

    @BeforeEach
    void createClient() {
        api = new ApiClient(port);
    }

    /** The ids of a list page's {@code content}, in order, after checking that the GET answered 200. */
    protected List<String> listedIds(String path, String token) {
        ApiResponse response = api.get(path).token(token).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("content").forEach(n -> ids.add(n.path("id").asString()));
        return ids;
    }
}
