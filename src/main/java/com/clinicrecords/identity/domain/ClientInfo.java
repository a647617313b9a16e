package com.clinicrecords.identity.domain;

import org.springframework.modulith.NamedInterface;

/** Where a login or refresh came from, kept on the session so users can recognise their devices. */
@NamedInterface("api")
public record ClientInfo(String userAgent, String ip) {

    public ClientInfo {
        userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(255, userAgent.length()));
        ip = ip == null ? null : ip.substring(0, Math.min(45, ip.length()));
    }
}
