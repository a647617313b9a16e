package com.clinicrecords.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: bearer JWT plus an OAuth2 password flow on /api/auth/token (so Swagger UI's Authorize
 * button signs in), and the Problem Details error shape declared once and attached to every operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer-jwt";
    static final String PASSWORD_FLOW = "oauth2-password";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> ERRORS = Map.of(
            "400",
            "Invalid input",
            "401",
            "Missing, invalid or expired access token",
            "403",
            "Not allowed for this account",
            "404",
            "Not found, or not visible to this account",
            "500",
            "Unexpected error",
            "503",
            "Database or dependency temporarily unavailable");

    @Bean
    OpenAPI clinicOpenApi() {
        SecurityScheme bearer = new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("Access token from POST /api/auth/login");
        SecurityScheme password = new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .flows(new OAuthFlows()
                        .password(new OAuthFlow().tokenUrl("/api/auth/token").scopes(new Scopes())));
        return new OpenAPI()
                .info(new Info()
                        .title("Clinic Records API")
                        .version("v1")
                        .description("Patients, appointments, imaging and analysis results with a full audit trail"))
                .components(
                        new Components().addSecuritySchemes(BEARER, bearer).addSecuritySchemes(PASSWORD_FLOW, password))
                .security(List.of(
                        new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(PASSWORD_FLOW)));
    }

    /** Adds the common error responses (as application/problem+json) wherever an operation does not. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            // Added here rather than on the base document: springdoc rebuilds the schema map from the code.
            openApi.getComponents().addSchemas("Problem", problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .values()
                    .forEach(item -> item.readOperations()
                            .forEach(op -> ERRORS.forEach((code, text) -> {
                                if (op.getResponses() != null
                                        && !op.getResponses().containsKey(code)) {
                                    op.getResponses()
                                            .addApiResponse(
                                                    code,
                                                    new ApiResponse()
                                                            .description(text)
                                                            .content(new Content()
                                                                    .addMediaType(
                                                                            "application/problem+json",
                                                                            new MediaType()
                                                                                    .schema(new Schema<>()
                                                                                            .$ref(PROBLEM_REF)))));
                                }
                            })));
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> props = new java.util.LinkedHashMap<>();
        props.put("type", new Schema<String>().type("string").example("/problems/validation-failed"));
        props.put("title", new Schema<String>().type("string"));
        props.put("status", new Schema<Integer>().type("integer").format("int32"));
        props.put("detail", new Schema<String>().type("string"));
        props.put("timestamp", new Schema<String>().type("string").format("date-time"));
        props.put("requestId", new Schema<String>().type("string"));
        props.put(
                "errors",
                new Schema<>()
                        .type("array")
                        .items(new Schema<>()
                                .type("object")
                                .addProperty("field", new Schema<String>().type("string"))
                                .addProperty("message", new Schema<String>().type("string"))));
        return new Schema<>()
                .type("object")
                .description("RFC 9457 Problem Details")
                .properties(props);
    }
}
