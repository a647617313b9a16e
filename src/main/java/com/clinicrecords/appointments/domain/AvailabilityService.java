package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.persistence.AppointmentRepository;
import com.clinicrecords.appointments.persistence.WorkingHoursRepository;
import com.clinicrecords.patients.domain.ClinicDirectory;
import com.clinicrecords.shared.domain.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Free slots of a doctor: the working-hours slots in [from, to) that lie in the future and overlap no
 * slot-holding appointment. Reveals only free/busy, never who booked.
 */
@Service
public class AvailabilityService {

    private final WorkingHoursRepository hours;
    private final AppointmentRepository appointments;
    private final ClinicDirectory directory;
    private final AppointmentProperties props;
    private final Clock clock;

    public AvailabilityService(
            WorkingHoursRepository hours,
            AppointmentRepository appointments,
            ClinicDirectory directory,
            AppointmentProperties props,
            Clock clock) {
        this.hours = hours;
        this.appointments = appointments;
        this.directory = directory;
        this.props = props;
        this.clock = clock;
    }

    /**
     * No transaction around the reads: a read-only transaction cost five round trips (read-only on and off,
     * begin, commit, auto-commit). Each statement is consistent by itself; a booking or a change of hours that
     * commits between them shows as it would in a request a moment earlier or later, and the answer is only a
     * snapshot anyway (booking re-checks the slot under the doctor's lock).
     */
    public List<FreeSlot> freeSlots(UUID doctorId, Instant from, Instant to) {
        AppointmentQueryService.requireRange(from, to, props.maxRangeDays());
        if (!directory.doctorExists(doctorId)) {
            throw NotFoundException.of("Doctor");
        }
        List<WorkingHours> week = hours.findByDoctorIdOrderByWeekdayAscStartTimeAsc(doctorId);
        List<Appointment> busy = appointments.findDoctorSchedule(doctorId, from.minus(props.maxDuration()), from, to);
        Instant earliest = from.isAfter(clock.instant()) ? from : clock.instant();
        List<FreeSlot> free = new ArrayList<>();
        LocalDate last = to.atZone(props.zone()).toLocalDate();
        for (LocalDate day = from.atZone(props.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (WorkingHours h : week) {
                if (h.getWeekday() == day.getDayOfWeek()) {
                    addSlots(free, day, h, earliest, to, busy);
                }
            }
        }
        return free;
    }

    private void addSlots(
            List<FreeSlot> free, LocalDate day, WorkingHours h, Instant earliest, Instant to, List<Appointment> busy) {
        for (LocalTime t = h.getStartTime();
                !t.plusMinutes(h.getSlotMinutes()).isAfter(h.getEndTime())
                        && t.plusMinutes(h.getSlotMinutes()).isAfter(t);
                t = t.plusMinutes(h.getSlotMinutes())) {
            Instant start = day.atTime(t).atZone(props.zone()).toInstant();
            Instant end = start.plusSeconds(h.getSlotMinutes() * 60L);
            if (!start.isBefore(earliest)
                    && !end.isAfter(to)
                    && busy.stream()
                            .noneMatch(a -> a.getStartsAt().isBefore(end)
                                    && a.getEndsAt().isAfter(start))) {
                free.add(new FreeSlot(start, end));
            }
        }
    }
}
