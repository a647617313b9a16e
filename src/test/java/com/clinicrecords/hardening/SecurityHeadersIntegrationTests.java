package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** C-04 and C-05: security headers on success and on every kind of error, and CORS limited to the SPA. */
class SecurityHeadersIntegrationTests extends IntegrationTest {

    private static final String SPA = "http://localhost:5173";

    @Test
    void shouldSendSecurityHeadersOnSuccessAndOnErrors() {
        String token = users.patient().accessToken();
        ApiResponse ok = api.get("/api/users/me").token(token).send();
        ApiResponse unauthorized = api.get("/api/users/me").send();
        ApiResponse notFound = api.get("/api/no-such-thing").token(token).send();
        ApiResponse badRequest = api.post("/api/auth/login").json("{not json").send();

        assertThat(ok.status()).isEqualTo(200);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(badRequest.status()).isEqualTo(400);
        for (ApiResponse response : new ApiResponse[] {ok, unauthorized, notFound, badRequest}) {
            assertThat(response.header("X-Content-Type-Options"))
                    .as(response.toString())
                    .isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Content-Security-Policy"))
                    .contains("default-src 'none'")
                    .contains("frame-ancestors 'none'");
            assertThat(response.header("Cache-Control")).contains("no-store");
            // HSTS only over https (see ProdProfileStartupTests); never on plain http where it means nothing.
            assertThat(response.header("Strict-Transport-Security")).isNull();
        }
        assertThat(unauthorized.contentType()).startsWith("application/problem+json");
        assertThat(notFound.contentType()).startsWith("application/problem+json");
        assertThat(badRequest.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldGiveSwaggerUiItsOwnContentSecurityPolicy() {
        ApiResponse ui = api.get("/swagger-ui/index.html").send();
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.header("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void shouldAnswerPreflightFromTheSpaOrigin() {
        ApiResponse preflight = preflight(SPA);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(SPA);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
    }

    @Test
    void shouldRefusePreflightFromOtherOrigins() {
        for (String origin : new String[] {"https://evil.example", "null"}) {
            ApiResponse preflight = preflight(origin);
            assertThat(preflight.status()).as(origin).isEqualTo(403);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        }
        ApiResponse simple = api.get("/api/users/me")
                .header("Origin", "https://evil.example")
                .send();
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void shouldRefuseTraceWithoutEchoingTheRequest() throws Exception {
        HttpResponse<String> trace = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/users/me"))
                                .method("TRACE", HttpRequest.BodyPublishers.noBody())
                                .header("Authorization", "Bearer secret-token-value")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(trace.body()).doesNotContain("secret-token-value");
    }

    @Test
    void shouldExposeOnlyHealthAndInfoAndNoHealthDetails() {
        ApiResponse health = api.get("/actuator/health").send();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(health.json().has("details")).isFalse();
        assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
        String admin = users.admin().accessToken();
        for (String hidden :
                new String[] {"/actuator/env", "/actuator/heapdump", "/actuator/beans", "/actuator/loggers"}) {
            assertThat(api.get(hidden).send().status()).as(hidden).isEqualTo(401);
            assertThat(api.get(hidden).token(admin).send().status()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void shouldDescribeBearerAndPasswordFlowAndProblemsInTheOpenApiDocument() {
        ApiResponse docs = api.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json()
                        .at("/components/securitySchemes/bearer-jwt/scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(docs.json()
                        .at("/components/securitySchemes/oauth2-password/flows/password/tokenUrl")
                        .asString())
                .isEqualTo("/api/auth/token");
        // error responses refer to one reusable response per status (see OperationDocumentation)
        assertThat(docs.json()
                        .at("/paths/~1api~1users~1me/get/responses/401/$ref")
                        .asString())
                .isEqualTo("#/components/responses/Unauthorized");
        assertThat(docs.json().at("/components/responses/Unauthorized/content").has("application/problem+json"))
                .isTrue();
        assertThat(docs.json().at("/components/schemas/Problem/properties").has("requestId"))
                .as(docs.json().at("/components").toString())
                .isTrue();
    }

    private ApiResponse preflight(String origin) {
        return api.options("/api/auth/login")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .send();
    }
}
