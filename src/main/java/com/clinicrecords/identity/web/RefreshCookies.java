package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.IssuedTokens;
import com.clinicrecords.shared.domain.ForbiddenException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.http.ResponseCookie;

/**
 * The SPA keeps its refresh token in an HttpOnly cookie scoped to /api/auth. Because a browser sends that
 * cookie by itself, cookie-based refresh/logout also demand an {@code X-Requested-With} header, which a
 * cross-site form cannot set and a cross-origin script cannot send without passing CORS (CSRF defence).
 */
final class RefreshCookies {

    static final String NAME = "__Secure-refresh_token";
    static final String CSRF_HEADER = "X-Requested-With";

    private RefreshCookies() {}

    static ResponseCookie issue(IssuedTokens tokens) {
        return base(tokens.refreshToken())
                .maxAge(Duration.ofSeconds(tokens.refreshTokenMaxAgeSeconds()))
                .build();
    }

    static ResponseCookie clear() {
        return base("").maxAge(Duration.ZERO).build();
    }

    /** The token from the body if given, else from the cookie (then the CSRF header is required). */
    static String resolve(String fromBody, HttpServletRequest request) {
        if (fromBody != null && !fromBody.isBlank()) {
            return fromBody;
        }
        String fromCookie = read(request);
        if (fromCookie != null && request.getHeader(CSRF_HEADER) == null) {
            throw new ForbiddenException(
                    "csrf-header-missing", "Cookie-based requests must send the " + CSRF_HEADER + " header");
        }
        return fromCookie;
    }

    private static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? null
                : Arrays.stream(cookies)
                        .filter(c -> NAME.equals(c.getName()))
                        .map(Cookie::getValue)
                        .findFirst()
                        .orElse(null);
    }

    private static ResponseCookie.ResponseCookieBuilder base(String value) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(true)
                .sameSite("Strict")
                .path("/api/auth");
    }
}
