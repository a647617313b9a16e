package com.clinicrecords.notifications.domain;

/** PENDING until the relay delivers it (SENT) or gives up after the last retry (FAILED). */
public enum EmailStatus {
    PENDING,
    SENT,
    FAILED
}
