package com.clinicrecords.appointments.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One working period as clients send and receive it. */
public record WorkingHoursEntry(DayOfWeek weekday, LocalTime startTime, LocalTime endTime, int slotMinutes) {

    static WorkingHoursEntry of(WorkingHours h) {
        return new WorkingHoursEntry(h.getWeekday(), h.getStartTime(), h.getEndTime(), h.getSlotMinutes());
    }
}
