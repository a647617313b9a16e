package com.clinicrecords.appointments.web;

import com.clinicrecords.appointments.domain.AppointmentLifecycleService;
import com.clinicrecords.appointments.domain.AppointmentStatus;
import com.clinicrecords.appointments.domain.AppointmentView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lifecycle actions. Illegal transitions are 409 illegal-status-transition. */
@RestController
@RequestMapping("/api/appointments/{id}")
@Tag(name = "Appointments")
class AppointmentStatusController {

    private final AppointmentLifecycleService lifecycle;

    AppointmentStatusController(AppointmentLifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Operation(summary = "Cancel (the patient, the appointment's doctor, admins); frees the slot")
    @PostMapping("/cancel")
    AppointmentView cancel(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return lifecycle.transition(me, id, AppointmentStatus.CANCELLED);
    }

    @Operation(summary = "Confirm a booked appointment (the appointment's doctor, admins)")
    @PostMapping("/confirm")
    AppointmentView confirm(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return lifecycle.transition(me, id, AppointmentStatus.CONFIRMED);
    }

    @Operation(summary = "Complete a confirmed appointment that has started (the appointment's doctor, admins)")
    @PostMapping("/complete")
    AppointmentView complete(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return lifecycle.transition(me, id, AppointmentStatus.COMPLETED);
    }

    @Operation(summary = "Mark a confirmed, started appointment as no-show (the appointment's doctor, admins)")
    @PostMapping("/no-show")
    AppointmentView noShow(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return lifecycle.transition(me, id, AppointmentStatus.NO_SHOW);
    }
}
