package com.clinicrecords.patients.web;

import com.clinicrecords.patients.domain.DoctorSummary;
import com.clinicrecords.patients.domain.LinkService;
import com.clinicrecords.patients.domain.LinkView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Doctor-patient links", description = "Who may see which patient's records")
class LinkController {

    private final LinkService links;

    LinkController(LinkService links) {
        this.links = links;
    }

    @Operation(summary = "Link a doctor to a patient; re-activates a removed link (links:manage)")
    @RequiresPermission(Permissions.LINKS_MANAGE)
    @PostMapping("/api/admin/links")
    ResponseEntity<LinkView> link(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody LinkRequest body) {
        LinkView link = links.link(me, body.doctorId(), body.patientId());
        return ResponseEntity.created(URI.create("/api/patients/" + body.patientId() + "/doctors"))
                .body(link);
    }

    @Operation(summary = "Remove a link; the doctor loses access on the next request (links:manage)")
    @RequiresPermission(Permissions.LINKS_MANAGE)
    @DeleteMapping("/api/admin/links/{doctorId}/{patientId}")
    ResponseEntity<Void> unlink(
            @AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID doctorId, @PathVariable UUID patientId) {
        links.unlink(me, doctorId, patientId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A patient's linked doctors (the patient, a linked doctor or an admin)")
    @GetMapping("/api/patients/{id}/doctors")
    List<DoctorSummary> doctorsOf(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return links.doctorsOf(me, id);
    }

    record LinkRequest(@NotNull UUID doctorId, @NotNull UUID patientId) {}
}
