package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.AccountService;
import com.clinicrecords.identity.domain.AuthService;
import com.clinicrecords.identity.domain.ClientInfo;
import com.clinicrecords.identity.domain.IssuedTokens;
import com.clinicrecords.identity.domain.RegisterCommand;
import com.clinicrecords.identity.domain.UserView;
import com.clinicrecords.identity.web.AuthRequests.LoginRequest;
import com.clinicrecords.identity.web.AuthRequests.RefreshRequest;
import com.clinicrecords.identity.web.AuthRequests.RegisterRequest;
import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.UnauthorizedException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "Authentication", description = "Sign up, sign in, token refresh and sign out")
class AuthController {

    private static final String COOKIE_MODE = "Cookie mode for browser apps: true leaves the refresh token out of"
            + " the body; it is only in the HttpOnly cookie";

    private final AccountService accounts;
    private final AuthService auth;

    AuthController(AccountService accounts, AuthService auth) {
        this.accounts = accounts;
        this.auth = auth;
    }

    @Operation(summary = "Register a patient account")
    @ApiResponse(responseCode = "409", description = "An account with this email already exists")
    @PostMapping("/register")
    ResponseEntity<UserView> register(@Valid @RequestBody RegisterRequest body) {
        UserView user = accounts.register(
                new RegisterCommand(body.email(), body.password(), body.firstName(), body.lastName(), body.phone()));
        return ResponseEntity.created(URI.create("/api/users/me")).body(user);
    }

    @Operation(summary = "Sign in with email and password (JSON)")
    @ApiResponse(responseCode = "401", description = "Wrong email or password, or the account is disabled")
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins for this account or address")
    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(
            @Valid @RequestBody LoginRequest body,
            @Parameter(description = COOKIE_MODE) @RequestParam(defaultValue = "false") boolean cookie,
            HttpServletRequest request) {
        return withCookie(auth.login(body.email(), body.password(), client(request)), cookie);
    }

    @Operation(summary = "OAuth2 password grant (form), for Swagger UI's Authorize button and API clients")
    @ApiResponse(responseCode = "401", description = "Wrong username or password, or the account is disabled")
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins for this account or address")
    @PostMapping(value = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenResponse> token(
            @RequestParam("grant_type") String grantType,
            @RequestParam("username") String username,
            @RequestParam("password") String password,
            HttpServletRequest request) {
        if (!"password".equals(grantType)) {
            throw new BadRequestException("unsupported-grant-type", "Only grant_type=password is supported");
        }
        return withCookie(auth.login(username, password, client(request)), false);
    }

    @Operation(
            summary = "Exchange a refresh token (body or cookie) for a new token pair; the old one is spent",
            description = "A refresh token read from the cookie (send X-Requested-With) is answered in cookie mode:"
                    + " the new refresh token is only in the cookie, never in the body.")
    @ApiResponse(responseCode = "401", description = "The refresh token is invalid, expired or already spent")
    @ApiResponse(responseCode = "403", description = "Cookie sent without the X-Requested-With header")
    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(
            @Valid @RequestBody(required = false) RefreshRequest body,
            @Parameter(description = COOKIE_MODE) @RequestParam(defaultValue = "false") boolean cookie,
            HttpServletRequest request) {
        String fromBody = body == null ? null : body.refreshToken();
        String token = RefreshCookies.resolve(fromBody, request);
        boolean fromCookie = fromBody == null || fromBody.isBlank();
        return withCookie(auth.refresh(token, client(request)), cookie || fromCookie);
    }

    @Operation(
            summary = "End the current session; its access and refresh tokens stop working at once",
            description = "Send the access token, or (a browser app whose access token has expired) only the"
                    + " refresh cookie together with X-Requested-With. Always clears the cookie.")
    @ApiResponse(responseCode = "401", description = "Neither an access token nor the refresh cookie was sent")
    @ApiResponse(responseCode = "403", description = "Cookie sent without the X-Requested-With header")
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@AuthenticationPrincipal AuthenticatedUser me, HttpServletRequest request) {
        if (me != null) {
            auth.logout(me.sessionId());
        } else {
            String fromCookie = RefreshCookies.resolve(null, request);
            if (fromCookie == null) {
                throw new UnauthorizedException(
                        "unauthorized", "Send the access token, or the refresh cookie with X-Requested-With");
            }
            auth.logoutByRefreshToken(fromCookie);
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, RefreshCookies.clear().toString())
                .build();
    }

    /**
     * Always sets the HttpOnly cookie; in cookie mode (browser apps) the refresh token is left out of the body
     * so page scripts never see it.
     */
    private static ResponseEntity<TokenResponse> withCookie(IssuedTokens tokens, boolean cookieMode) {
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, RefreshCookies.issue(tokens).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(TokenResponse.of(tokens, cookieMode));
    }

    static ClientInfo client(HttpServletRequest request) {
        return new ClientInfo(request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr());
    }
}
