package com.clinicrecords.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The caller must hold this permission: {@code @RequiresPermission(Permissions.NEWS_MANAGE)}. A templated
 * {@link PreAuthorize} (resolved through {@link MethodSecurityTemplates}), so the permission is named by its
 * {@link Permissions} constant and the SpEL lives in one place. Denials answer 403 Problem Details.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAuthority('{value}')")
public @interface RequiresPermission {

    /** One of the {@link Permissions} constants. */
    String value();
}
