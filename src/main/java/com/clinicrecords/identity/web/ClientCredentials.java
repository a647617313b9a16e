package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.ClientCredentialsGrant;
import com.clinicrecords.identity.domain.ClientCredentialsThrottle;
import com.clinicrecords.identity.domain.MachineAccounts.IssuedAccessToken;
import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.UnauthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The client-credentials grant of {@code POST /api/auth/token}: credentials from the form or from HTTP Basic
 * (RFC 6749 section 2.3.1). The answer carries no refresh token and sets no cookie.
 */
final class ClientCredentials {

    private static final String BASIC = "Basic ";

    private ClientCredentials() {}

    static ResponseEntity<TokenResponse> token(
            ObjectProvider<ClientCredentialsGrant> grants,
            ClientCredentialsThrottle throttle,
            String clientId,
            String clientSecret,
            HttpServletRequest request) {
        String id = clientId;
        String secret = clientSecret;
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if ((id == null || secret == null)
                && header != null
                && header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                String decoded = new String(
                        Base64.getDecoder()
                                .decode(header.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    id = decoded.substring(0, colon);
                    secret = decoded.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
        }
        if (id == null || secret == null) {
            // like a password grant without username/password: a missing parameter (RFC 6749 invalid_request)
            throw new BadRequestException(
                    "missing-credentials", "client_id and client_secret are required (form fields or HTTP Basic)");
        }
        ClientCredentialsGrant grant = grants.getIfAvailable();
        if (grant == null) {
            throw new BadRequestException("unsupported-grant-type", "grant_type=client_credentials is not available");
        }
        IssuedAccessToken token = throttle.grant(grant, id, secret, AuthController.client(request));
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds(), null));
    }

    static UnauthorizedException invalid() {
        return new UnauthorizedException("invalid-client", "Unknown client or wrong client secret");
    }
}
