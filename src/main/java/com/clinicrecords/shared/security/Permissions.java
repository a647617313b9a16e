package com.clinicrecords.shared.security;

import java.util.Set;

/**
 * Every permission the code checks. Roles map to these in the {@code role_permissions} table, so an admin
 * can build custom roles from them; the code never checks a custom role by name.
 */
public final class Permissions {

    public static final String USERS_READ = "users:read";
    public static final String USERS_MANAGE = "users:manage";
    public static final String ROLES_MANAGE = "roles:manage";
    public static final String LINKS_MANAGE = "links:manage";
    public static final String DOCTORS_MANAGE = "doctors:manage";
    public static final String AUDIT_READ = "audit:read";
    public static final String PATIENTS_CARE = "patients:care";
    public static final String VISITS_WRITE = "visits:write";
    public static final String APPOINTMENTS_BOOK = "appointments:book";
    public static final String IMAGES_UPLOAD = "images:upload";
    public static final String IMAGES_STATUS = "images:status";
    public static final String ANALYSIS_WRITE = "analysis:write";
    /** Create and soft-delete patient records (admin; granted in migration V3_3). */
    public static final String PATIENTS_MANAGE = "patients:manage";
    /** Write, publish and delete clinic news (admin; granted in the news migration). */
    public static final String NEWS_MANAGE = "news:manage";

    public static final Set<String> ALL = Set.of(
            USERS_READ,
            USERS_MANAGE,
            ROLES_MANAGE,
            LINKS_MANAGE,
            DOCTORS_MANAGE,
            AUDIT_READ,
            PATIENTS_CARE,
            VISITS_WRITE,
            APPOINTMENTS_BOOK,
            IMAGES_UPLOAD,
            IMAGES_STATUS,
            ANALYSIS_WRITE,
            PATIENTS_MANAGE,
            NEWS_MANAGE);

    private Permissions() {}
}
