package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.persistence.WorkingHoursRepository;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.patients.domain.ClinicDirectory;
import com.clinicrecords.patients.domain.ClinicDirectory.Person;
import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A doctor's weekly working hours: public to read, replaced as a whole by the doctor or an admin. */
@Service
public class WorkingHoursService {

    private final WorkingHoursRepository hours;
    private final ClinicDirectory directory;
    private final AuditTrail audit;
    private final AppointmentActors actors;

    public WorkingHoursService(
            WorkingHoursRepository hours, ClinicDirectory directory, AuditTrail audit, AppointmentActors actors) {
        this.actors = actors;
        this.hours = hours;
        this.directory = directory;
        this.audit = audit;
    }

    /**
     * Two single-statement reads, no transaction around them: a read-only transaction cost five round trips
     * (read-only on and off, begin, commit, auto-commit) for no gain.
     */
    public List<WorkingHoursEntry> get(UUID doctorId) {
        if (!directory.doctorExists(doctorId)) {
            throw NotFoundException.of("Doctor");
        }
        return entries(doctorId);
    }

    @Transactional
    public List<WorkingHoursEntry> replace(AuthenticatedUser user, UUID doctorId, List<WorkingHoursEntry> entries) {
        Person doctor = directory.doctor(doctorId).orElseThrow(() -> NotFoundException.of("Doctor"));
        actors.requireMayEditSchedule(user, doctor);
        checkNoOverlap(entries);
        hours.deleteByDoctor(doctorId);
        hours.saveAll(entries.stream()
                .map(e -> new WorkingHours(doctorId, e.weekday(), e.startTime(), e.endTime(), e.slotMinutes()))
                .toList());
        hours.flush();
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, AuditResource.WORKING_HOURS, doctorId, null));
        return entries(doctorId);
    }

    private List<WorkingHoursEntry> entries(UUID doctorId) {
        return hours.findByDoctorIdOrderByWeekdayAscStartTimeAsc(doctorId).stream()
                .map(WorkingHoursEntry::of)
                .toList();
    }

    private static void checkNoOverlap(List<WorkingHoursEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            WorkingHoursEntry e = entries.get(i);
            if (!e.endTime().isAfter(e.startTime())) {
                throw new InvalidFieldException("entries[" + i + "].endTime", "must be after startTime");
            }
        }
        List<WorkingHoursEntry> sorted = entries.stream()
                .sorted(Comparator.comparing(WorkingHoursEntry::weekday).thenComparing(WorkingHoursEntry::startTime))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            WorkingHoursEntry prev = sorted.get(i - 1);
            WorkingHoursEntry cur = sorted.get(i);
            if (prev.weekday() == cur.weekday() && cur.startTime().isBefore(prev.endTime())) {
                throw new InvalidFieldException("entries", "working periods of one weekday must not overlap");
            }
        }
    }
}
