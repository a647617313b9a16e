package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.IssuedTokens;
import com.fasterxml.jackson.annotation.JsonProperty;

/** OAuth2-style token response (RFC 6749 section 5.1), used by both JSON login and the password form. */
record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken) {

    static TokenResponse of(IssuedTokens tokens) {
        return new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresInSeconds(), tokens.refreshToken());
    }
}
