package com.clinicrecords.analysis.web;

import com.clinicrecords.analysis.domain.JobViews.ClientSettings;
import com.clinicrecords.analysis.domain.JobViews.IssuedCredentials;
import com.clinicrecords.analysis.domain.JobViews.ServiceClientView;
import com.clinicrecords.analysis.domain.ServiceClients;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/service-clients")
@Tag(name = "Service clients", description = "Machine accounts of analysis services (admins)")
class ServiceClientController {

    private final ServiceClients clients;

    ServiceClientController(ServiceClients clients) {
        this.clients = clients;
    }

    /** {@code modalities}: the images this client handles (empty = all); {@code webhookUrl}: push offers there. */
    record ClientBody(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 20) Set<@NotNull @Size(max = 16) String> modalities,
            @Size(max = 2000) String webhookUrl) {

        ClientSettings settings() {
            return new ClientSettings(name, modalities, webhookUrl);
        }
    }

    @PostMapping
    @RequiresPermission(Permissions.USERS_MANAGE)
    @Operation(
            summary = "Create a service client; the answer holds clientSecret and webhookSecret, shown this once "
                    + "(only a hash of the client secret is stored)")
    ResponseEntity<IssuedCredentials> create(@Valid @RequestBody ClientBody body) {
        IssuedCredentials issued = clients.create(body.settings());
        return ResponseEntity.created(URI.create(
                        "/api/admin/service-clients/" + issued.client().id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(issued);
    }

    @GetMapping
    @RequiresPermission(Permissions.USERS_READ)
    @Operation(summary = "All service clients (never their secrets)")
    List<ServiceClientView> list() {
        return clients.list();
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.USERS_READ)
    @Operation(summary = "One service client (never its secrets)")
    ServiceClientView get(@PathVariable UUID id) {
        return clients.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.USERS_MANAGE)
    @Operation(summary = "Change name, modalities and webhook URL (absent fields are cleared)")
    ServiceClientView update(@PathVariable UUID id, @Valid @RequestBody ClientBody body) {
        return clients.update(id, body.settings());
    }

    @PostMapping("/{id}/rotate-secret")
    @RequiresPermission(Permissions.USERS_MANAGE)
    @Operation(
            summary = "Issue a new client secret and webhook secret (shown this once); the old secret and every "
                    + "token issued with it stop working at once")
    ResponseEntity<IssuedCredentials> rotate(@PathVariable UUID id) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(clients.rotate(id));
    }

    @PostMapping("/{id}/revoke")
    @RequiresPermission(Permissions.USERS_MANAGE)
    @Operation(summary = "Revoke a service client for good (idempotent); its tokens stop working at once")
    ServiceClientView revoke(@PathVariable UUID id) {
        return clients.revoke(id);
    }
}
