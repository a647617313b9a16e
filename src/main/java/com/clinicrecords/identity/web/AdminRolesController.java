package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.RoleAdminService;
import com.clinicrecords.identity.domain.RoleView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration: roles")
class AdminRolesController {

    private final RoleAdminService roles;

    AdminRolesController(RoleAdminService roles) {
        this.roles = roles;
    }

    @Operation(summary = "All roles with their permissions")
    @GetMapping("/roles")
    @PreAuthorize("hasAnyAuthority('" + Permissions.ROLES_MANAGE + "', '" + Permissions.USERS_MANAGE + "')")
    List<RoleView> list() {
        return roles.list();
    }

    @Operation(summary = "Every permission a role can hold")
    @GetMapping("/permissions")
    @PreAuthorize("hasAnyAuthority('" + Permissions.ROLES_MANAGE + "', '" + Permissions.USERS_MANAGE + "')")
    List<String> permissions() {
        return roles.permissions();
    }

    @Operation(summary = "Create a custom role")
    @PostMapping("/roles")
    @RequiresPermission(Permissions.ROLES_MANAGE)
    ResponseEntity<RoleView> create(
            @AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody CreateRoleRequest body) {
        RoleView role = roles.create(me, body.name(), body.description(), body.permissions());
        return ResponseEntity.created(URI.create("/api/admin/roles/" + role.id()))
                .body(role);
    }

    @Operation(summary = "Change a custom role's description and permissions")
    @PutMapping("/roles/{id}")
    @RequiresPermission(Permissions.ROLES_MANAGE)
    RoleView update(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @Valid @RequestBody UpdateRoleRequest body) {
        return roles.update(me, id, body.description(), body.permissions());
    }

    @Operation(summary = "Delete a custom role that nobody holds")
    @DeleteMapping("/roles/{id}")
    @RequiresPermission(Permissions.ROLES_MANAGE)
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        roles.delete(me, id);
        return ResponseEntity.noContent().build();
    }

    record CreateRoleRequest(
            @NotBlank @Pattern(
                    regexp = "^[A-Z][A-Z0-9_]{2,63}$",
                    message = "must be 3-64 upper-case letters, digits or _ starting with a letter")
            String name,

            @Size(max = 255) String description,
            @NotNull @Size(max = 64) Set<@NotBlank @Size(max = 64) String> permissions) {}

    record UpdateRoleRequest(
            @Size(max = 255) String description,
            @NotNull @Size(max = 64) Set<@NotBlank @Size(max = 64) String> permissions) {}
}
