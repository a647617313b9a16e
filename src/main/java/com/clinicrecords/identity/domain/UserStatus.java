package com.clinicrecords.identity.domain;

/** PENDING: opened by private self-registration, cannot sign in until the emailed code is confirmed. */
public enum UserStatus {
    ACTIVE,
    DISABLED,
    PENDING
}
