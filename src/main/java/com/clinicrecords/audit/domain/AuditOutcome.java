package com.clinicrecords.audit.domain;

public enum AuditOutcome {
    ALLOW,
    DENY
}
