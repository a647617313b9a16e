package com.clinicrecords.identity.domain;

import org.springframework.modulith.NamedInterface;

/**
 * The OAuth2 client-credentials grant ({@code grant_type=client_credentials} on {@code POST /api/auth/token}).
 * Implemented by the module that owns machine clients (analysis service clients), so identity does not depend
 * on it. Unknown clients, wrong secrets and revoked clients all fail with the same 401.
 */
@NamedInterface("api")
public interface ClientCredentialsGrant {

    MachineAccounts.IssuedAccessToken grant(String clientId, String clientSecret, ClientInfo client);
}
