package com.clinicrecords.identity.domain;

public enum UserStatus {
    ACTIVE,
    DISABLED
}
