package com.clinicrecords.appointments.web;

import com.clinicrecords.appointments.domain.AvailabilityService;
import com.clinicrecords.appointments.domain.FreeSlot;
import com.clinicrecords.appointments.domain.WorkingHoursEntry;
import com.clinicrecords.appointments.domain.WorkingHoursService;
import com.clinicrecords.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/doctors/{id}")
@Tag(name = "Availability", description = "Doctors' working hours and free slots")
class AvailabilityController {

    private final WorkingHoursService workingHours;
    private final AvailabilityService availability;

    AvailabilityController(WorkingHoursService workingHours, AvailabilityService availability) {
        this.workingHours = workingHours;
        this.availability = availability;
    }

    @Operation(summary = "A doctor's weekly working hours (any signed-in user)")
    @GetMapping("/working-hours")
    List<WorkingHoursEntry> get(@PathVariable UUID id) {
        return workingHours.get(id);
    }

    @Operation(summary = "Replace a doctor's weekly working hours (the doctor or doctors:manage)")
    @PutMapping("/working-hours")
    List<WorkingHoursEntry> replace(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @Valid @RequestBody WorkingHoursRequest body) {
        return workingHours.replace(
                me,
                id,
                body.entries().stream()
                        .map(e -> new WorkingHoursEntry(e.weekday(), e.startTime(), e.endTime(), e.slotMinutes()))
                        .toList());
    }

    @Operation(summary = "Free slots in [from, to), at most 31 days (any signed-in user; shows no patient data)")
    @GetMapping("/availability")
    List<FreeSlot> availability(@PathVariable UUID id, @RequestParam Instant from, @RequestParam Instant to) {
        return availability.freeSlots(id, from, to);
    }

    record WorkingHoursRequest(@NotNull @Size(max = 50) List<@Valid @NotNull Entry> entries) {}

    /** Times as "HH:mm" in the clinic's time zone (clinic.appointments.zone, default UTC). */
    record Entry(
            @NotNull DayOfWeek weekday,
            @NotNull LocalTime startTime,
            @NotNull LocalTime endTime,
            @NotNull @Min(5) @Max(240) Integer slotMinutes) {}
}
