package com.clinicrecords.shared.security;

/** Names of the built-in roles (seeded by migration, cannot be deleted). */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String DOCTOR = "DOCTOR";
    public static final String PATIENT = "PATIENT";
    /** A machine account that posts analysis results and processing status. */
    public static final String ANALYSIS_SERVICE = "ANALYSIS_SERVICE";

    private Roles() {}
}
