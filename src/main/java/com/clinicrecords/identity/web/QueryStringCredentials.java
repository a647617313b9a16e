package com.clinicrecords.identity.web;

import com.clinicrecords.shared.domain.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Credentials never travel in a URL: query strings end up in proxy and server access logs, browser history
 * and Referer headers (ASVS 14.2.1). The sign-in endpoints answer 400 when one is there, even if the body
 * carries the same fields.
 */
final class QueryStringCredentials {

    private static final Set<String> SECRET_PARAMETERS =
            Set.of("password", "username", "email", "refresh_token", "refreshtoken", "client_secret", "code");

    private QueryStringCredentials() {}

    static void reject(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8)
                    .trim()
                    .toLowerCase(Locale.ROOT);
            if (SECRET_PARAMETERS.contains(name)) {
                throw new BadRequestException(
                        "credentials-in-query",
                        "Credentials must be sent in the request body, never in the URL query string");
            }
        }
    }
}
