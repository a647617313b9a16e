/**
 * News: clinic news items, public to read.
 */
@ApplicationModule(
        displayName = "News",
        allowedDependencies = {"shared", "audit :: api"})
package com.clinicrecords.news;

import org.springframework.modulith.ApplicationModule;
