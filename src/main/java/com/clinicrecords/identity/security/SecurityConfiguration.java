package com.clinicrecords.identity.security;

import com.clinicrecords.identity.domain.SessionAuthenticator;
import com.clinicrecords.shared.security.CallerReadAlong;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Stateless API security: every route needs a valid access token except the few listed as public.
 * Fine-grained rules (permissions, doctor-patient links) live in the services.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Routes anyone may call: sign-up, sign-in, token refresh and password recovery, plus health and docs. */
    static final String[] PUBLIC_POST = {
        "/api/auth/register",
        "/api/auth/login",
        "/api/auth/token",
        "/api/auth/refresh",
        "/api/auth/password/forgot",
        "/api/auth/password/reset",
        "/api/auth/email-verification/confirm"
    };

    static final String[] PUBLIC_GET = {
        "/actuator/health",
        "/actuator/health/**",
        "/livez",
        "/readyz",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/api/news",
        "/api/news/*"
    };
    /**
     * Prometheus metrics are never served on the public port, not even to an admin: they are scraped on the
     * management port ({@code MANAGEMENT_PORT}, see ManagementSecurityConfiguration).
     */
    static final String[] METRICS = {"/actuator/prometheus", "/actuator/prometheus/**"};
    /**
     * Routes that accept either the bearer token or the refresh cookie (with X-Requested-With): a browser app
     * whose access token has expired can still log out. The handler itself refuses a call with neither (401).
     */
    static final String[] TOKEN_OR_COOKIE_POST = {"/api/auth/logout"};

    /** What a user holding a temporary password may still do: see who they are, change it, log out. */
    static final String ALLOWED_GET_DURING_PASSWORD_CHANGE = "/api/users/me";

    static final String[] ALLOWED_POST_DURING_PASSWORD_CHANGE = {"/api/users/me/password", "/api/auth/logout"};

    /** JSON responses never load or embed anything. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Swagger UI is a page with its own inline scripts and styles. */
    static final String SWAGGER_UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";

    private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));

    /**
     * No observation around each filter of the chain and each authorization decision: nothing reads their
     * spring.security.* metrics, and even switched off by the management.observations property the chain was
     * still wrapped in no-op observations (a few percent of a GET's CPU in the load benchmark's flight
     * recording). http.server.requests is recorded by Spring MVC and stays.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall with a fast path for printable ASCII; see {@link FastHttpFirewall}. */
    @Bean
    static HttpFirewall httpFirewall() {
        return FastHttpFirewall.create();
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            AccessTokenService tokens,
            SessionAuthenticator authenticator,
            ProblemSecurityHandlers problems,
            @Qualifier("corsConfigurationSource") CorsConfigurationSource corsSource,
            ObjectProvider<CallerReadAlong> readsAlong)
            throws Exception {
        JwtAuthenticationFilter jwtFilter = new JwtAuthenticationFilter(
                tokens, authenticator, problems, readsAlong.orderedStream().toList());
        // Spring Security's CORS filter, with a refused origin answered as a Problem (ProblemCorsProcessor).
        CorsFilter corsFilter = new CorsFilter(corsSource);
        corsFilter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return http.cors(AbstractHttpConfigurer::disable)
                .addFilter(corsFilter)
                // Bearer tokens are never sent by a browser on its own; the refresh cookie is SameSite=Strict
                // and refresh/logout additionally require a custom header (see RefreshCookies).
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(a -> {})
                // Defaults kept: nosniff, Cache-Control no-store, HSTS (written on https requests only).
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                SWAGGER_UI, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(SWAGGER_UI), new ContentSecurityPolicyHeaderWriter(API_CSP)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, PUBLIC_POST)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, TOKEN_OR_COOKIE_POST)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_GET)
                        .permitAll()
                        .requestMatchers(METRICS)
                        .denyAll()
                        .requestMatchers(HttpMethod.GET, ALLOWED_GET_DURING_PASSWORD_CHANGE)
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, ALLOWED_POST_DURING_PASSWORD_CHANGE)
                        .authenticated()
                        .anyRequest()
                        .access(fullyAuthenticated()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(jwtFilter, UsernamePasswordAuthenticationFilter.class)
                .build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> fullyAuthenticated() {
        return AuthorizationManagers.allOf(
                AuthenticatedAuthorizationManager.authenticated(),
                AuthorizationManagers.not(
                        AuthorityAuthorizationManager.hasAuthority(JwtAuthenticationFilter.PASSWORD_CHANGE_REQUIRED)));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties props) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(props.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of(
                "Authorization",
                "Content-Type",
                "If-Match",
                "If-None-Match",
                "If-Range",
                "Idempotency-Key",
                "X-Requested-With",
                "X-Request-Id",
                // image uploads (raw body) and ranged downloads
                "Content-Disposition",
                "X-Filename",
                "X-Modality",
                "X-Body-Part",
                "X-Study-Date",
                "X-Description",
                "Range"));
        config.setExposedHeaders(List.of(
                "Location",
                "ETag",
                "Retry-After",
                "X-Request-Id",
                "Content-Disposition",
                "Content-Range",
                "Accept-Ranges",
                "Content-Length",
                "WWW-Authenticate",
                "X-Upload-Duplicate"));
        config.setAllowCredentials(!props.allowedOrigins().isEmpty());
        config.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        return source;
    }
}
