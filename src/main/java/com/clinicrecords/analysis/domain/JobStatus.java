package com.clinicrecords.analysis.domain;

/** QUEUED (claimable) -> LEASED (a client works on it) -> COMPLETED, or back to QUEUED, or finally FAILED. */
public enum JobStatus {
    QUEUED,
    LEASED,
    COMPLETED,
    FAILED,
    CANCELLED
}
