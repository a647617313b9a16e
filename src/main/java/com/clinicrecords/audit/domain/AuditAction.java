package com.clinicrecords.audit.domain;

import org.springframework.modulith.NamedInterface;

@NamedInterface("api")
public enum AuditAction {
    READ,
    CREATE,
    UPDATE,
    DELETE,
    DOWNLOAD,
    LIST,
    LINK,
    UNLINK,
    LOGIN,
    LOGIN_FAILED,
    REFRESH,
    LOGOUT,
    PASSWORD_CHANGE,
    PASSWORD_RESET,
    ROLE_CHANGE,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    ACCOUNT_CREATED,
    SESSION_ENDED,
    EMAIL_VERIFIED
}
