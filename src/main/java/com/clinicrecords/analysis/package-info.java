/**
 * Analysis: jobs created with each upload, service clients claiming them, results and their release to patients, webhooks.
 */
@ApplicationModule(
        displayName = "Analysis",
        allowedDependencies = {
            "shared",
            "audit :: api",
            "identity :: api",
            "imaging :: api",
            "notifications :: api",
            "patients :: api"
        })
package com.clinicrecords.analysis;

import org.springframework.modulith.ApplicationModule;
