package com.clinicrecords.appointments.web;

import com.clinicrecords.appointments.domain.AppointmentQueryService;
import com.clinicrecords.appointments.domain.AppointmentSearch;
import com.clinicrecords.appointments.domain.AppointmentStatus;
import com.clinicrecords.appointments.domain.AppointmentView;
import com.clinicrecords.shared.domain.CursorPageView;
import com.clinicrecords.shared.domain.PageCursor;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.web.PageRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Appointments")
class AppointmentListController {

    private static final Set<String> SORTABLE = Set.of("startsAt", "endsAt", "createdAt", "status");

    private final AppointmentQueryService queries;

    AppointmentListController(AppointmentQueryService queries) {
        this.queries = queries;
    }

    @Operation(
            summary = "Appointments the caller may see, filtered (patients: own only, a foreign patientId gives "
                    + "an empty page; doctors: own schedule and linked patients; admins: all). size 1..100 (else 400); "
                    + "sort = startsAt|endsAt|createdAt|status[,asc|desc], default startsAt,asc. Shallow pages by "
                    + "page (totalElements capped at 1000); deeper ones by passing nextCursor as cursor with the "
                    + "same sort (then no page or totals are returned; a cursor of another sort or an altered "
                    + "one is a 400)")
    @GetMapping("/api/appointments")
    CursorPageView<AppointmentView> search(
            @AuthenticationPrincipal AuthenticatedUser me,
            @RequestParam(required = false) UUID doctorId,
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) AppointmentStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) @Size(max = PageCursor.MAX_LENGTH) String cursor) {
        return queries.search(
                me,
                new AppointmentSearch(doctorId, patientId, from, to, status),
                PageRequests.of(page, size, sort, SORTABLE, Sort.by("startsAt", "id")),
                cursor);
    }

    @Operation(summary = "The signed-in doctor's calendar: appointments starting in [from, to), at most 31 days")
    @GetMapping("/api/doctors/me/appointments")
    List<AppointmentView> myCalendar(
            @AuthenticationPrincipal AuthenticatedUser me, @RequestParam Instant from, @RequestParam Instant to) {
        return queries.myCalendar(me, from, to);
    }
}
