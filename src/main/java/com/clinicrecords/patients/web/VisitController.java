package com.clinicrecords.patients.web;

import com.clinicrecords.patients.domain.RecordVisitCommand;
import com.clinicrecords.patients.domain.VisitService;
import com.clinicrecords.patients.domain.VisitView;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.RequiresPermission;
import com.clinicrecords.shared.web.PageRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Visits", description = "A patient's visit history; visits are never deleted")
class VisitController {

    private final VisitService visits;

    VisitController(VisitService visits) {
        this.visits = visits;
    }

    @Operation(summary = "Record a visit (linked doctor with visits:write); diagnosis/medicine also update the patient")
    @RequiresPermission(Permissions.VISITS_WRITE)
    @PostMapping("/api/patients/{id}/visits")
    ResponseEntity<VisitView> record(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @Valid @RequestBody RecordVisitRequest body) {
        VisitView visit = visits.record(
                me,
                id,
                new RecordVisitCommand(body.visitedAt(), body.notes(), body.diagnosis(), body.prescribedMedicine()));
        return ResponseEntity.created(URI.create("/api/visits/" + visit.id())).body(visit);
    }

    @Operation(summary = "A patient's visits, newest first (patient, linked doctors, admins; size <= 100)")
    @GetMapping("/api/patients/{id}/visits")
    PageView<VisitView> list(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return visits.list(me, id, PageRequests.of(page, size, Sort.unsorted()));
    }

    @Operation(summary = "One visit (whoever may read its patient)")
    @GetMapping("/api/visits/{id}")
    VisitView get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return visits.get(me, id);
    }

    record RecordVisitRequest(
            @NotNull Instant visitedAt,
            @NotBlank @Size(max = 4000) String notes,
            @Size(max = 4000) String diagnosis,
            @Size(max = 4000) String prescribedMedicine) {}
}
