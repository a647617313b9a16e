package com.clinicrecords.appointments.web;

import com.clinicrecords.appointments.domain.AppointmentBookingService;
import com.clinicrecords.appointments.domain.AppointmentQueryService;
import com.clinicrecords.appointments.domain.AppointmentView;
import com.clinicrecords.appointments.domain.BookAppointmentCommand;
import com.clinicrecords.appointments.web.AppointmentRequests.BookRequest;
import com.clinicrecords.appointments.web.AppointmentRequests.RescheduleRequest;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.RequiresPermission;
import com.clinicrecords.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Booking, reading and rescheduling one appointment. Responses carry ETag = version; PUT needs If-Match. */
@RestController
@Tag(name = "Appointments", description = "Appointments without double booking")
class AppointmentController {

    private final AppointmentBookingService booking;
    private final AppointmentQueryService queries;

    AppointmentController(AppointmentBookingService booking, AppointmentQueryService queries) {
        this.booking = booking;
        this.queries = queries;
    }

    @Operation(
            summary = "Book: a patient for themself with a linked doctor, a doctor for a linked patient in their "
                    + "own schedule, an admin for anyone (appointments:book). Overlap -> 409 appointment-conflict")
    @RequiresPermission(Permissions.APPOINTMENTS_BOOK)
    @PostMapping("/api/appointments")
    ResponseEntity<AppointmentView> book(
            @AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody BookRequest body) {
        AppointmentView booked = booking.book(
                me,
                new BookAppointmentCommand(
                        body.doctorId(), body.patientId(), body.startsAt(), body.endsAt(), body.reason()));
        return ResponseEntity.created(URI.create("/api/appointments/" + booked.id()))
                .eTag(ETags.of(booked.version()))
                .body(booked);
    }

    @Operation(summary = "One appointment (its patient, its doctor, the patient's linked doctors, admins)")
    @GetMapping("/api/appointments/{id}")
    ResponseEntity<AppointmentView> get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        AppointmentView view = queries.get(me, id);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(
            summary = "Reschedule (patient, doctor of the appointment or admin). Requires If-Match: missing "
                    + "428, stale 412; same overlap rules as booking")
    @PutMapping("/api/appointments/{id}")
    ResponseEntity<AppointmentView> reschedule(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RescheduleRequest body) {
        long version = ETags.requireVersion(ifMatch);
        AppointmentView view = booking.reschedule(me, id, version, body.startsAt(), body.endsAt(), body.reason());
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
