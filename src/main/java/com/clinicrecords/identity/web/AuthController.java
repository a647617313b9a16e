package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.AuthService;
import com.clinicrecords.identity.domain.ClientCredentialsGrant;
import com.clinicrecords.identity.domain.ClientCredentialsThrottle;
import com.clinicrecords.identity.domain.ClientInfo;
import com.clinicrecords.identity.domain.EmailVerificationService;
import com.clinicrecords.identity.domain.IssuedTokens;
import com.clinicrecords.identity.domain.RegisterCommand;
import com.clinicrecords.identity.domain.RegistrationService;
import com.clinicrecords.identity.domain.UserView;
import com.clinicrecords.identity.web.AuthRequests.ConfirmEmailCodeRequest;
import com.clinicrecords.identity.web.AuthRequests.LoginRequest;
import com.clinicrecords.identity.web.AuthRequests.RefreshRequest;
import com.clinicrecords.identity.web.AuthRequests.RegisterRequest;
import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.UnauthorizedException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
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

    private final RegistrationService registration;
    private final EmailVerificationService verification;
    private final AuthService auth;
    private final ObjectProvider<ClientCredentialsGrant> clientCredentials;
    private final ClientCredentialsThrottle clientCredentialsThrottle;

    AuthController(
            RegistrationService registration,
            EmailVerificationService verification,
            AuthService auth,
            ObjectProvider<ClientCredentialsGrant> clientCredentials,
            ClientCredentialsThrottle clientCredentialsThrottle) {
        this.registration = registration;
        this.verification = verification;
        this.auth = auth;
        this.clientCredentials = clientCredentials;
        this.clientCredentialsThrottle = clientCredentialsThrottle;
    }

    @Operation(
            summary = "Register a patient account. SELF_REGISTRATION=open: 201 with the account (taken address 409);"
                    + " private: always 202 with the same body, the account signs in once the emailed code is"
                    + " confirmed; off: 403. Throttled per IP and per address (429)")
    @ApiResponse(
            responseCode = "201",
            description = "open mode: the new account",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)))
    @ApiResponse(
            responseCode = "202",
            description = "private mode: the same acknowledgement whether or not the address has an account",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = RegistrationService.Accepted.class)))
    @ApiResponse(responseCode = "409", description = "open mode: an account with this email or phone already exists")
    @ApiResponse(responseCode = "429", description = "Too many sign-ups from this address or for this email")
    @PostMapping("/register")
    ResponseEntity<?> register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
        RegistrationService.Outcome outcome = registration.register(
                new RegisterCommand(body.email(), body.password(), body.firstName(), body.lastName(), body.phone()),
                body.passwordConfirm(),
                request.getRemoteAddr());
        if (outcome instanceof RegistrationService.Created created) {
            return ResponseEntity.created(URI.create("/api/users/me")).body(created.user());
        }
        return ResponseEntity.accepted()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(outcome);
    }

    @Operation(
            summary = "Confirm an emailed 6-digit code without signing in (activates a pending account); any bad"
                    + " address or code is the same 400; 5 wrong codes burn it. Finishing a private sign-up also"
                    + " needs that sign-up's password")
    @PostMapping("/email-verification/confirm")
    ResponseEntity<Void> confirmEmail(@Valid @RequestBody ConfirmEmailCodeRequest body) {
        verification.confirmByEmail(body.email(), body.code(), body.password());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Sign in with email or phone number and password (JSON: login or email, password)")
    @ApiResponse(responseCode = "401", description = "Wrong login or password, or the account is disabled")
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins for this account or address")
    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(
            @Valid @RequestBody LoginRequest body,
            @Parameter(description = COOKIE_MODE) @RequestParam(defaultValue = "false") boolean cookie,
            HttpServletRequest request) {
        QueryStringCredentials.reject(request);
        return withCookie(auth.login(body.identifier(), body.password(), client(request)), cookie);
    }

    @Operation(
            summary = "OAuth2 token endpoint (form): grant_type=password (username, password) for Swagger UI's "
                    + "Authorize button and API clients, or grant_type=client_credentials (client_id and "
                    + "client_secret as form fields or HTTP Basic) for analysis service clients, which get an "
                    + "access token only")
    @ApiResponse(
            responseCode = "401",
            description = "Wrong username or password, an unknown or revoked client, or a disabled account")
    @ApiResponse(
            responseCode = "429",
            description = "Too many failed sign-ins for this account or address, or 10 wrong secrets for this client"
                    + " from this address in 15 minutes")
    @PostMapping(value = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenResponse> token(
            @RequestParam("grant_type") String grantType,
            @RequestParam(name = "username", required = false) String username,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "client_secret", required = false) String clientSecret,
            HttpServletRequest request) {
        QueryStringCredentials.reject(request);
        if ("client_credentials".equals(grantType)) {
            return ClientCredentials.token(
                    clientCredentials, clientCredentialsThrottle, clientId, clientSecret, request);
        }
        if (!"password".equals(grantType)) {
            throw new BadRequestException(
                    "unsupported-grant-type", "Only grant_type=password and client_credentials are supported");
        }
        if (username == null || password == null) {
            throw new BadRequestException("missing-credentials", "username and password are required");
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
