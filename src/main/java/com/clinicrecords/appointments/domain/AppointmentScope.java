package com.clinicrecords.appointments.domain;

import com.clinicrecords.patients.domain.ClinicDirectory;
import com.clinicrecords.patients.domain.DoctorPatientLink;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.Roles;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Builds the WHERE clause of appointment lists: the caller's filters AND what the caller may see (admin:
 * all; patient: their own; doctor: their own schedule plus appointments of patients linked to them).
 */
@Component
class AppointmentScope {

    private final ClinicDirectory directory;

    AppointmentScope(ClinicDirectory directory) {
        this.directory = directory;
    }

    Specification<Appointment> visibleTo(AuthenticatedUser user, AppointmentSearch f) {
        UUID ownPatient = directory
                .patientOfUser(user.userId())
                .map(ClinicDirectory.Person::id)
                .orElse(null);
        UUID ownDoctor = user.hasRole(Roles.DOCTOR) && user.can(Permissions.PATIENTS_CARE)
                ? directory
                        .doctorOfUser(user.userId())
                        .map(ClinicDirectory.Person::id)
                        .orElse(null)
                : null;
        return (root, query, cb) -> {
            List<Predicate> where = filters(root, cb, f);
            if (!user.isAdmin()) {
                where.add(visibility(root, query.subquery(Integer.class), cb, ownPatient, ownDoctor));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static List<Predicate> filters(Root<Appointment> a, CriteriaBuilder cb, AppointmentSearch f) {
        List<Predicate> where = new ArrayList<>();
        if (f.doctorId() != null) {
            where.add(cb.equal(a.get("doctorId"), f.doctorId()));
        }
        if (f.patientId() != null) {
            where.add(cb.equal(a.get("patientId"), f.patientId()));
        }
        if (f.from() != null) {
            where.add(cb.greaterThanOrEqualTo(a.get("startsAt"), f.from()));
        }
        if (f.to() != null) {
            where.add(cb.lessThan(a.get("startsAt"), f.to()));
        }
        if (f.status() != null) {
            where.add(cb.equal(a.get("status"), f.status()));
        }
        return where;
    }

    private static Predicate visibility(
            Root<Appointment> a, Subquery<Integer> linked, CriteriaBuilder cb, UUID ownPatient, UUID ownDoctor) {
        List<Predicate> anyOf = new ArrayList<>();
        if (ownPatient != null) {
            anyOf.add(cb.equal(a.get("patientId"), ownPatient));
        }
        if (ownDoctor != null) {
            anyOf.add(cb.equal(a.get("doctorId"), ownDoctor));
            Root<DoctorPatientLink> l = linked.from(DoctorPatientLink.class);
            linked.select(cb.literal(1))
                    .where(
                            cb.equal(l.get("id").get("doctorId"), ownDoctor),
                            cb.equal(l.get("id").get("patientId"), a.get("patientId")),
                            cb.isNull(l.get("removedAt")));
            anyOf.add(cb.exists(linked));
        }
        return anyOf.isEmpty() ? cb.disjunction() : cb.or(anyOf.toArray(Predicate[]::new));
    }
}
