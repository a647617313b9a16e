package com.clinicrecords.appointments.domain;

import java.util.EnumSet;
import java.util.Set;

/** BOOKED -> CONFIRMED -> COMPLETED | NO_SHOW; BOOKED or CONFIRMED -> CANCELLED. Terminal states stay put. */
public enum AppointmentStatus {
    BOOKED,
    CONFIRMED,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    /** Statuses that still hold their time slot and count as "open" when in the future. */
    public static final Set<AppointmentStatus> OPEN = EnumSet.of(BOOKED, CONFIRMED);

    public boolean canTransitionTo(AppointmentStatus target) {
        return switch (this) {
            case BOOKED -> target == CONFIRMED || target == CANCELLED;
            case CONFIRMED -> target == COMPLETED || target == CANCELLED || target == NO_SHOW;
            case COMPLETED, CANCELLED, NO_SHOW -> false;
        };
    }

    /** Every status except CANCELLED occupies its slot (a no-show still used the doctor's time). */
    public boolean occupiesSlot() {
        return this != CANCELLED;
    }
}
