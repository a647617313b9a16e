package com.clinicrecords.patients.web;

import com.clinicrecords.patients.domain.DoctorProfileService;
import com.clinicrecords.patients.domain.DoctorProfileView;
import com.clinicrecords.patients.domain.DoctorSummary;
import com.clinicrecords.patients.domain.LinkService;
import com.clinicrecords.patients.domain.PatientSummary;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.RequiresPermission;
import com.clinicrecords.shared.web.ETags;
import com.clinicrecords.shared.web.PageRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Doctors", description = "Doctor profiles and a doctor's own patient list")
class DoctorController {

    private final DoctorProfileService doctors;
    private final LinkService links;

    DoctorController(DoctorProfileService doctors, LinkService links) {
        this.doctors = doctors;
        this.links = links;
    }

    @Operation(summary = "Create a doctor profile for an existing account; grants it the DOCTOR role (doctors:manage)")
    @RequiresPermission(Permissions.DOCTORS_MANAGE)
    @PostMapping("/api/admin/doctors")
    ResponseEntity<DoctorProfileView> create(@Valid @RequestBody CreateDoctorRequest body) {
        DoctorProfileView created = doctors.create(body.userId(), body.specializationId());
        return ResponseEntity.created(URI.create("/api/doctors/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Change a doctor's names and specialization (doctors:manage); If-Match optional, stale 412")
    @RequiresPermission(Permissions.DOCTORS_MANAGE)
    @PutMapping("/api/admin/doctors/{id}")
    ResponseEntity<DoctorProfileView> update(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdateDoctorRequest body) {
        DoctorProfileView view = doctors.update(
                id, ETags.optionalVersion(ifMatch), body.firstName(), body.lastName(), body.specializationId());
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(
            summary = "Deactivate a doctor (doctors:manage): hidden from the list, not bookable, no access through"
                    + " links; future open appointments are cancelled and the patients told. Repeatable")
    @RequiresPermission(Permissions.DOCTORS_MANAGE)
    @PostMapping("/api/admin/doctors/{id}/deactivate")
    DoctorProfileView deactivate(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return doctors.deactivate(me, id);
    }

    @Operation(summary = "Reactivate a deactivated doctor (doctors:manage). Repeatable")
    @RequiresPermission(Permissions.DOCTORS_MANAGE)
    @PostMapping("/api/admin/doctors/{id}/reactivate")
    DoctorProfileView reactivate(@PathVariable UUID id) {
        return doctors.reactivate(id);
    }

    @Operation(
            summary = "Bookable doctors by name (deactivated or disabled ones are left out), optionally filtered by"
                    + " specialization (any signed-in user; size <= 100)")
    @GetMapping("/api/doctors")
    PageView<DoctorSummary> list(
            @RequestParam(required = false) UUID specializationId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return doctors.list(specializationId, PageRequests.of(page, size, Sort.unsorted()));
    }

    @Operation(summary = "One doctor's name and specialization (any signed-in user)")
    @GetMapping("/api/doctors/{id}")
    DoctorSummary get(@PathVariable UUID id) {
        return doctors.get(id);
    }

    @Operation(summary = "The signed-in user's own doctor profile")
    @GetMapping("/api/doctors/me")
    DoctorProfileView me(@AuthenticationPrincipal AuthenticatedUser me) {
        return doctors.me(me.userId());
    }

    @Operation(
            summary = "Patients linked to the signed-in doctor, by name; q as in the patient directory: an ISO date"
                    + " of birth or up to 5 words, each matching the start of a name or the insurance number"
                    + " (patients:care; size <= 100; totalElements capped at 1000)")
    @RequiresPermission(Permissions.PATIENTS_CARE)
    @GetMapping("/api/doctors/me/patients")
    PageView<PatientSummary> myPatients(
            @AuthenticationPrincipal AuthenticatedUser me,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return links.myPatients(me, q, PageRequests.of(page, size, Sort.unsorted()));
    }

    record CreateDoctorRequest(@NotNull UUID userId, UUID specializationId) {}

    record UpdateDoctorRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            UUID specializationId) {}
}
