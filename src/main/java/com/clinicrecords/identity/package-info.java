/**
 * Identity: users, roles and permissions, sign-in, sessions and tokens, service clients. Other modules read accounts through {@code IdentityApi}.
 */
@ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"shared", "audit :: api", "notifications :: api"})
package com.clinicrecords.identity;

import org.springframework.modulith.ApplicationModule;
