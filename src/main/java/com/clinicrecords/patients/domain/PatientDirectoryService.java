package com.clinicrecords.patients.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.patients.persistence.PatientListQueries;
import com.clinicrecords.shared.domain.PageView;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** The admin patient directory: every live record, searchable by name, insurance number and date of birth. */
@Service
public class PatientDirectoryService {

    private final PatientListQueries patients;
    private final AuditTrail audit;

    public PatientDirectoryService(PatientListQueries patients, AuditTrail audit) {
        this.patients = patients;
        this.audit = audit;
    }

    /**
     * By name, searched as {@link PatientSearch} says; totals capped (see {@link PageView#capped}). No transaction:
     * the audit row commits on its own, like other lists' (one round trip budget for lists).
     */
    public PageView<PatientDirectoryEntry> search(String q, Pageable page) {
        PatientSearch search = PatientSearch.of(q);
        audit.record(AuditEntry.allowed(AuditAction.LIST, AuditResource.PATIENT, null, null));
        PatientListQueries.Rows rows =
                patients.page(PatientListQueries.Scope.DIRECTORY, search, page.getOffset(), page.getPageSize());
        return PageView.capped(
                rows.content(), page, rows.more(), () -> patients.count(PatientListQueries.Scope.DIRECTORY, search));
    }
}
