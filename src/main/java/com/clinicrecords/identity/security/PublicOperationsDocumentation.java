package com.clinicrecords.identity.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Security requirements in the OpenAPI document follow {@link SecurityConfiguration}'s route lists, so they
 * cannot drift: a public route is documented without security (no lock in Swagger UI, no token in generated
 * clients), logout accepts the bearer token or the refresh cookie, everything else the bearer token.
 */
@Component
class PublicOperationsDocumentation implements GlobalOpenApiCustomizer {

    private static final String BEARER = "bearer-jwt";
    private static final String PASSWORD_FLOW = "oauth2-password";
    private static final String REFRESH_COOKIE = "refresh-cookie";

    private final List<PathPattern> publicPost = patterns(SecurityConfiguration.PUBLIC_POST);
    private final List<PathPattern> publicGet = patterns(SecurityConfiguration.PUBLIC_GET);
    private final List<PathPattern> tokenOrCookie = patterns(SecurityConfiguration.TOKEN_OR_COOKIE_POST);

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            PathContainer container = PathContainer.parsePath(path);
            item.readOperationsMap().forEach((method, operation) -> {
                if (matches(method == PathItem.HttpMethod.POST ? publicPost : List.of(), container)
                        || matches(method == PathItem.HttpMethod.GET ? publicGet : List.of(), container)) {
                    operation.setSecurity(List.of());
                } else if (method == PathItem.HttpMethod.POST && matches(tokenOrCookie, container)) {
                    operation.setSecurity(List.of(
                            new SecurityRequirement().addList(BEARER),
                            new SecurityRequirement().addList(PASSWORD_FLOW),
                            new SecurityRequirement().addList(REFRESH_COOKIE)));
                }
                dropForbiddenOnPublic(operation);
            });
        });
    }

    /** Without an account there is nothing to forbid: public operations never answer 403 for authorization. */
    private static void dropForbiddenOnPublic(Operation operation) {
        if (operation.getSecurity() != null
                && operation.getSecurity().isEmpty()
                && operation.getResponses() != null
                && operation.getResponses().get("403") != null
                && operation.getResponses().get("403").get$ref() != null) {
            operation.getResponses().remove("403");
        }
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        return patterns.stream().anyMatch(p -> p.matches(path));
    }

    private static List<PathPattern> patterns(String[] routes) {
        return Arrays.stream(routes)
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }
}
