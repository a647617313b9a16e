package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.persistence.AppointmentListQueries;
import com.clinicrecords.appointments.persistence.AppointmentRepository;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.patients.domain.ClinicDirectory;
import com.clinicrecords.patients.domain.PatientAccess;
import com.clinicrecords.shared.domain.CursorPageView;
import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.Roles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Reading appointments: one by id, filtered lists scoped to the caller, and a doctor's own calendar. */
@Service
public class AppointmentQueryService {

    private final AppointmentRepository appointments;
    private final AppointmentActors actors;
    private final AppointmentListQueries lists;
    private final ClinicDirectory directory;
    private final AppointmentProperties props;
    private final AuditTrail audit;

    public AppointmentQueryService(
            AppointmentRepository appointments,
            AppointmentActors actors,
            AppointmentListQueries lists,
            ClinicDirectory directory,
            AppointmentProperties props,
            AuditTrail audit) {
        this.appointments = appointments;
        this.actors = actors;
        this.lists = lists;
        this.directory = directory;
        this.props = props;
        this.audit = audit;
    }

    /** Access check and read in one statement, no transaction around them (see PatientRecordService#get). */
    public AppointmentView get(AuthenticatedUser user, UUID id) {
        Object[] row = appointments.findWithFacts(id, user.userId()).stream()
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("Appointment"));
        Appointment appointment = (Appointment) row[0];
        actors.requireSee(user, appointment, PatientAccess.Facts.of(row, 1), Boolean.TRUE.equals(row[4]));
        audit.record(AuditEntry.allowed(AuditAction.READ, AppointmentActors.RESOURCE, id, appointment.getPatientId()));
        return AppointmentView.of(appointment);
    }

    /**
     * What the caller may see (admin: all; patient: their own; doctor: their own schedule plus appointments of
     * patients linked to them), filtered. By page number (totals capped, see AppointmentListQueries) or, with the
     * {@code cursor} of a previous page, by keyset (no totals). No transaction: each statement is consistent by
     * itself.
     */
    public CursorPageView<AppointmentView> search(
            AuthenticatedUser user, AppointmentSearch filters, Pageable page, @Nullable String cursor) {
        if (filters.from() != null && filters.to() != null && !filters.to().isAfter(filters.from())) {
            throw new InvalidFieldException("to", "must be after from");
        }
        Object[] after = cursor == null ? null : AppointmentCursors.decode(cursor, page.getSort());
        if (after != null && page.getPageNumber() > 0) {
            throw new InvalidFieldException("page", "must not be combined with cursor");
        }
        // The filter is only a wish: the scope decides what is returned, so no patient is named as accessed.
        audit.record(AuditEntry.allowed(AuditAction.LIST, AppointmentActors.RESOURCE, null, null)
                .withDetail(filters.patientId() == null ? null : "patientId=" + filters.patientId()));
        if (!user.isAdmin()
                && filters.doctorId() != null
                && user.hasRole(Roles.DOCTOR)
                && user.can(Permissions.PATIENTS_CARE)) {
            // A doctor's own schedule, the common list, without first looking up the caller's profiles: the
            // statement checks that the filtered doctor is the caller and returns no rows otherwise. Rows prove
            // it, and every row of that doctor is visible (the filter alone is the scope, as below); no rows,
            // and the general path decides.
            AppointmentListQueries.Rows ownSchedule = lists.ownScheduleRows(filters, user.userId(), page, after);
            if (!ownSchedule.content().isEmpty()) {
                return page(ownSchedule, page, after, () -> lists.count(filters, true, null, null, page.getSort()));
            }
        }
        UUID[] own = user.isAdmin() ? new UUID[2] : lists.ownProfiles(user.userId());
        UUID ownDoctor = user.hasRole(Roles.DOCTOR) && user.can(Permissions.PATIENTS_CARE) ? own[1] : null;
        // Filtered to the caller's own schedule (or, for a patient, to their own record), every matching row is
        // visible: the filter alone is the scope, one index range instead of a union that also sorts the linked
        // patients' appointments and counts both branches.
        boolean ownRowsOnly = (ownDoctor != null && ownDoctor.equals(filters.doctorId()))
                || (own[0] != null && own[0].equals(filters.patientId()));
        AppointmentListQueries.Rows rows =
                lists.rows(filters, user.isAdmin() || ownRowsOnly, own[0], ownDoctor, page, after);
        return page(
                rows,
                page,
                after,
                () -> lists.count(filters, user.isAdmin() || ownRowsOnly, own[0], ownDoctor, page.getSort()));
    }

    /** A page of rows: by cursor (no total) or numbered, with the total counted only when the page is full. */
    private static CursorPageView<AppointmentView> page(
            AppointmentListQueries.Rows rows, Pageable page, Object @Nullable [] after, LongSupplier count) {
        List<AppointmentView> content = rows.content();
        String next = rows.more()
                ? AppointmentCursors.encode(
                        page.getSort(), rows.content().get(rows.content().size() - 1))
                : null;
        if (after != null) {
            return CursorPageView.after(content, page.getPageSize(), next);
        }
        long total = CursorPageView.total(page.getOffset(), content.size(), rows.more(), count);
        return CursorPageView.numbered(content, page.getPageNumber(), page.getPageSize(), total, next);
    }

    /** The signed-in doctor's appointments (all statuses) starting in [from, to); 404 without a doctor profile. */
    public List<AppointmentView> myCalendar(AuthenticatedUser user, Instant from, Instant to) {
        requireRange(from, to, props.maxRangeDays());
        UUID doctorId = directory
                .doctorOfUser(user.userId())
                .orElseThrow(() -> NotFoundException.of("Doctor profile"))
                .id();
        audit.record(AuditEntry.allowed(AuditAction.LIST, AppointmentActors.RESOURCE, null, null));
        return appointments
                .findByDoctorIdAndStartsAtGreaterThanEqualAndStartsAtLessThanOrderByStartsAt(doctorId, from, to)
                .stream()
                .map(AppointmentView::of)
                .toList();
    }

    static void requireRange(Instant from, Instant to, int maxDays) {
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(maxDays)) > 0) {
            throw new InvalidFieldException("to", "range must not exceed " + maxDays + " days");
        }
    }
}
