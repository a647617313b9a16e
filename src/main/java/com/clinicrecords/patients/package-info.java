/**
 * Patients: patients, doctors, specializations, doctor-patient links and visits, and the record-access rule (PatientAccess, PatientVisibility) the other clinical modules use.
 */
@ApplicationModule(
        displayName = "Patients",
        allowedDependencies = {"shared", "audit :: api", "identity :: api"})
package com.clinicrecords.patients;

import org.springframework.modulith.ApplicationModule;
