package com.clinicrecords.identity.domain;

import java.util.UUID;

/** What a successful login or refresh hands back. The refresh token is shown to the client only here. */
public record IssuedTokens(
        String accessToken,
        long expiresInSeconds,
        String refreshToken,
        UUID sessionId,
        long refreshTokenMaxAgeSeconds) {}
