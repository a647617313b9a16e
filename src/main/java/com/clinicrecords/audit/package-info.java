/**
 * Audit: the append-only trail of who saw or changed what (AuditTrail records, the audit API reads). Other modules record through {@code AuditTrail}; the caller's own patient record is asked through {@code PatientOwnership}, which the patients module implements.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"shared"})
package com.clinicrecords.audit;

import org.springframework.modulith.ApplicationModule;
