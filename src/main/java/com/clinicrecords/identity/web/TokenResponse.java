package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.IssuedTokens;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** OAuth2-style token response (RFC 6749 section 5.1), used by both JSON login and the password form. */
record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        /* Absent in cookie mode: then the refresh token is only in the HttpOnly cookie. */
        @JsonProperty("refresh_token") @Nullable String refreshToken) {

    static TokenResponse of(IssuedTokens tokens, boolean cookieMode) {
        return new TokenResponse(
                tokens.accessToken(), "Bearer", tokens.expiresInSeconds(), cookieMode ? null : tokens.refreshToken());
    }
}
