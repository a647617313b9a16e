package com.clinicrecords.identity.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** ADMIN_EMAIL / ADMIN_PASSWORD: the first admin, created once when no admin exists. */
@ConfigurationProperties("clinic.bootstrap.admin")
public record FirstAdminProperties(String email, String password) {}
