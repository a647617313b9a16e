/**
 * Shared kernel: Problem Details exceptions, web helpers, the authenticated caller, permissions, persistence helpers.
 * Open: every module may use all of it, and it uses no other module.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package com.clinicrecords.shared;

import org.springframework.modulith.ApplicationModule;
