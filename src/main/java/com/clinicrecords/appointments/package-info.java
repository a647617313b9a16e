/**
 * Appointments: availability, booking without double-booking, changes, reminders.
 */
@ApplicationModule(
        displayName = "Appointments",
        allowedDependencies = {"shared", "audit :: api", "identity :: api", "notifications :: api", "patients :: api"})
package com.clinicrecords.appointments;

import org.springframework.modulith.ApplicationModule;
