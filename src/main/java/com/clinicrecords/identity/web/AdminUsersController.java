package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.CreateStaffCommand;
import com.clinicrecords.identity.domain.UserAdminService;
import com.clinicrecords.identity.domain.UserQueryService;
import com.clinicrecords.identity.domain.UserStatus;
import com.clinicrecords.identity.domain.UserView;
import com.clinicrecords.shared.domain.CursorPageView;
import com.clinicrecords.shared.domain.PageCursor;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Administration: users")
class AdminUsersController {

    private final UserQueryService queries;
    private final UserAdminService admin;

    AdminUsersController(UserQueryService queries, UserAdminService admin) {
        this.queries = queries;
        this.admin = admin;
    }

    @Operation(
            summary = "Accounts, optionally by role and status (ACTIVE|DISABLED|PENDING); q is up to 5 words, each"
                    + " matching the start of the email, first or last name (any order), or the start of a phone"
                    + " number in any spelling (+49 228 84, 0228 84); size 1-100 (larger is a 400);"
                    + " sort=email|createdAt|lastName|firstName[,desc], default createdAt,desc. Shallow pages by page"
                    + " (totalElements capped at 1000); deeper ones by passing"
                    + " nextCursor as cursor with the same sort (then no page or totals are returned; a cursor of"
                    + " another sort or an altered one is a 400)")
    @GetMapping
    @RequiresPermission(Permissions.USERS_READ)
    CursorPageView<UserView> list(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = 64) String role,
            @RequestParam(required = false) UserStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) @Size(max = 32) String sort,
            @RequestParam(required = false) @Size(max = PageCursor.MAX_LENGTH) String cursor) {
        return queries.search(q, role, status, page, size, sort, cursor);
    }

    @Operation(summary = "One account")
    @GetMapping("/{id}")
    @RequiresPermission(Permissions.USERS_READ)
    UserView get(@PathVariable UUID id) {
        return queries.get(id);
    }

    @Operation(summary = "Open a staff account; a temporary password is emailed to it")
    @PostMapping
    @RequiresPermission(Permissions.USERS_MANAGE)
    ResponseEntity<UserView> create(
            @AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody CreateStaffRequest body) {
        UserView user = admin.createStaff(
                me,
                new CreateStaffCommand(body.email(), body.firstName(), body.lastName(), body.phone(), body.roles()));
        return ResponseEntity.created(URI.create("/api/admin/users/" + user.id()))
                .body(user);
    }

    @Operation(summary = "Replace an account's roles")
    @PutMapping("/{id}/roles")
    @RequiresPermission(Permissions.USERS_MANAGE)
    UserView replaceRoles(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @Valid @RequestBody RolesRequest body) {
        return admin.replaceRoles(me, id, body.roles());
    }

    @Operation(summary = "Disable an account; its sessions end immediately")
    @PostMapping("/{id}/disable")
    @RequiresPermission(Permissions.USERS_MANAGE)
    UserView disable(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return admin.disable(me, id);
    }

    @Operation(summary = "Enable a disabled account")
    @PostMapping("/{id}/enable")
    @RequiresPermission(Permissions.USERS_MANAGE)
    UserView enable(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return admin.enable(me, id);
    }

    @Operation(summary = "Email a temporary password that must be changed at next sign-in; ends all sessions")
    @PostMapping("/{id}/temporary-password")
    @RequiresPermission(Permissions.USERS_MANAGE)
    ResponseEntity<Void> temporaryPassword(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        admin.issueTemporaryPassword(me, id);
        return ResponseEntity.noContent().build();
    }

    record CreateStaffRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,

            @Pattern(regexp = AuthRequests.PHONE, message = "must be a phone number") String phone,

            @NotEmpty @Size(max = 16) Set<@NotBlank @Size(max = 64) String> roles) {}

    record RolesRequest(@NotNull @Size(max = 16) Set<@NotBlank @Size(max = 64) String> roles) {}
}
