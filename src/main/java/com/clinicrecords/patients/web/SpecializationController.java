package com.clinicrecords.patients.web;

import com.clinicrecords.patients.domain.SpecializationService;
import com.clinicrecords.patients.domain.SpecializationView;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Specializations", description = "The managed list of medical specializations")
class SpecializationController {

    private final SpecializationService specializations;

    SpecializationController(SpecializationService specializations) {
        this.specializations = specializations;
    }

    @Operation(summary = "All specializations, by name (any signed-in user)")
    @GetMapping("/api/specializations")
    List<SpecializationView> list() {
        return specializations.list();
    }

    @Operation(summary = "Add a specialization (doctors:manage)")
    @RequiresPermission(Permissions.DOCTORS_MANAGE)
    @PostMapping("/api/admin/specializations")
    ResponseEntity<SpecializationView> create(@Valid @RequestBody CreateSpecializationRequest body) {
        SpecializationView created = specializations.create(body.name());
        return ResponseEntity.created(URI.create("/api/specializations")).body(created);
    }

    @Operation(summary = "Delete a specialization no doctor uses (doctors:manage); in use -> 409")
    @RequiresPermission(Permissions.DOCTORS_MANAGE)
    @DeleteMapping("/api/admin/specializations/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        specializations.delete(id);
        return ResponseEntity.noContent().build();
    }

    record CreateSpecializationRequest(
            @NotBlank @Size(max = 100) String name) {}
}
