package com.clinicrecords.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: bearer JWT plus an OAuth2 password flow on /api/auth/token (so Swagger UI's Authorize
 * button signs in). What each operation answers is derived from the code by the customizers in
 * {@code shared.web.openapi}; which operations are public, from the security configuration.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    public static final String BEARER = "bearer-jwt";
    public static final String PASSWORD_FLOW = "oauth2-password";
    public static final String REFRESH_COOKIE = "refresh-cookie";

    @Bean
    OpenAPI clinicOpenApi() {
        SecurityScheme bearer = new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("Access token from POST /api/auth/login");
        SecurityScheme password = new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Sign in with email (username) and password; no client id or secret is needed")
                .flows(new OAuthFlows()
                        .password(new OAuthFlow().tokenUrl("/api/auth/token").scopes(new Scopes())));
        SecurityScheme cookie = new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE)
                .name("__Secure-refresh_token")
                .description("The HttpOnly refresh-token cookie set by login (browser apps); requests that rely on"
                        + " it must also send X-Requested-With");
        return new OpenAPI()
                .info(new Info()
                        .title("Clinic Records API")
                        .version("v1")
                        .description("Patients, appointments, imaging and analysis results with a full audit trail."
                                + " Every error is an RFC 9457 Problem (application/problem+json)."))
                // Relative: the document is the same on every host (it is committed as docs/openapi.json).
                .servers(List.of(new Server().url("/").description("This server")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, bearer)
                        .addSecuritySchemes(PASSWORD_FLOW, password)
                        .addSecuritySchemes(REFRESH_COOKIE, cookie))
                .security(List.of(
                        new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(PASSWORD_FLOW)));
    }
}
