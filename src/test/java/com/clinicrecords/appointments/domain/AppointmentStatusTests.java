package com.clinicrecords.appointments.domain;

import static com.clinicrecords.appointments.domain.AppointmentStatus.BOOKED;
import static com.clinicrecords.appointments.domain.AppointmentStatus.CANCELLED;
import static com.clinicrecords.appointments.domain.AppointmentStatus.COMPLETED;
import static com.clinicrecords.appointments.domain.AppointmentStatus.CONFIRMED;
import static com.clinicrecords.appointments.domain.AppointmentStatus.NO_SHOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AppointmentStatusTests {

    @Test
    void shouldAllowOnlyTheDocumentedTransitions() {
        assertThat(allowedFrom(BOOKED)).containsExactlyInAnyOrder(CONFIRMED, CANCELLED);
        assertThat(allowedFrom(CONFIRMED)).containsExactlyInAnyOrder(COMPLETED, CANCELLED, NO_SHOW);
        assertThat(allowedFrom(COMPLETED)).isEmpty();
        assertThat(allowedFrom(CANCELLED)).isEmpty();
        assertThat(allowedFrom(NO_SHOW)).isEmpty();
    }

    @Test
    void shouldFreeTheSlotOnlyWhenCancelled() {
        assertThat(EnumSet.allOf(AppointmentStatus.class).stream().filter(s -> !s.occupiesSlot()))
                .containsExactly(CANCELLED);
    }

    private static EnumSet<AppointmentStatus> allowedFrom(AppointmentStatus from) {
        EnumSet<AppointmentStatus> allowed = EnumSet.noneOf(AppointmentStatus.class);
        for (AppointmentStatus to : AppointmentStatus.values()) {
            if (from.canTransitionTo(to)) {
                allowed.add(to);
            }
        }
        return allowed;
    }
}
