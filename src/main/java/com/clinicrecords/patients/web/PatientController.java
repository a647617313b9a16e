package com.clinicrecords.patients.web;

import com.clinicrecords.patients.domain.PatientDirectoryEntry;
import com.clinicrecords.patients.domain.PatientDirectoryService;
import com.clinicrecords.patients.domain.PatientRecordService;
import com.clinicrecords.patients.domain.PatientRegistrationService;
import com.clinicrecords.patients.domain.PatientView;
import com.clinicrecords.patients.web.PatientRequests.CreatePatientRequest;
import com.clinicrecords.patients.web.PatientRequests.DeletePatientRequest;
import com.clinicrecords.patients.web.PatientRequests.UpdatePatientRequest;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.RequiresPermission;
import com.clinicrecords.shared.web.ETags;
import com.clinicrecords.shared.web.JsonMergePatch;
import com.clinicrecords.shared.web.PageRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Patient records. Responses carry ETag = version; PUT needs it in If-Match (missing 428, stale 412). */
@RestController
@Tag(name = "Patients", description = "Patient records (patient, linked doctors, admins)")
class PatientController {

    private final PatientRegistrationService registration;
    private final PatientRecordService records;
    private final PatientDirectoryService directory;
    private final PatientMergePatch mergePatch;

    PatientController(
            PatientRegistrationService registration,
            PatientRecordService records,
            PatientDirectoryService directory,
            PatientMergePatch mergePatch) {
        this.registration = registration;
        this.records = records;
        this.directory = directory;
        this.mergePatch = mergePatch;
    }

    @Operation(
            summary = "The patient directory (patients:manage): live records by name. q is an ISO date of birth"
                    + " (1990-05-01) or up to 5 words, each matching the start of the first name, the last name or"
                    + " the insurance number, in any order (\"schm ann\" finds Anna Schmidt); size <= 100;"
                    + " totalElements capped at 1000")
    @RequiresPermission(Permissions.PATIENTS_MANAGE)
    @GetMapping("/api/admin/patients")
    PageView<PatientDirectoryEntry> search(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return directory.search(q, PageRequests.of(page, size, Sort.unsorted()));
    }

    @Operation(summary = "Create a patient record, optionally owned by an existing account (patients:manage)")
    @RequiresPermission(Permissions.PATIENTS_MANAGE)
    @PostMapping("/api/admin/patients")
    ResponseEntity<PatientView> create(@Valid @RequestBody CreatePatientRequest body) {
        PatientView created = registration.create(body.userId(), body.demographics());
        return ResponseEntity.created(URI.create("/api/patients/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(created);
    }

    @Operation(summary = "The caller's own record; created on first call for self-registered patients")
    @GetMapping("/api/patients/me")
    ResponseEntity<PatientView> me(@AuthenticationPrincipal AuthenticatedUser me) {
        return withETag(registration.me(me));
    }

    @Operation(summary = "One patient record (the patient, a linked doctor or an admin; others 404)")
    @GetMapping("/api/patients/{id}")
    ResponseEntity<PatientView> get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return withETag(records.get(me, id));
    }

    @Operation(
            summary = "Replace a record. Demographics: patient or admin; room/bed/diagnosis/medicine: linked "
                    + "doctor. Requires If-Match with the ETag (missing 428, stale 412)")
    @PutMapping("/api/patients/{id}")
    ResponseEntity<PatientView> update(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdatePatientRequest body) {
        long version = ETags.requireVersion(ifMatch);
        return withETag(records.update(me, id, version, body.demographics(), body.clinical()));
    }

    @Operation(
            summary = "Change some fields of a record (JSON Merge Patch, RFC 7396: listed fields are set, null clears"
                    + " one, others stay; application/json is read the same way). Same field rules as PUT, so a"
                    + " doctor can set room or bed alone. Requires If-Match (missing 428, stale 412)")
    @PatchMapping(
            value = "/api/patients/{id}",
            consumes = {JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<PatientView> patch(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "Any of the PUT body's fields; null clears a field",
                            content = {
                                @Content(
                                        mediaType = JsonMergePatch.MEDIA_TYPE,
                                        schema = @Schema(implementation = UpdatePatientRequest.class)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = UpdatePatientRequest.class))
                            })
                    @RequestBody
                    JsonNode patch) {
        long version = ETags.requireVersion(ifMatch);
        return withETag(records.patch(me, id, version, current -> mergePatch.apply(current, patch)));
    }

    @Operation(summary = "Soft-delete a record with a reason; it is kept but hidden (patients:manage)")
    @RequiresPermission(Permissions.PATIENTS_MANAGE)
    @DeleteMapping("/api/patients/{id}")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @Valid @RequestBody DeletePatientRequest body) {
        records.delete(me, id, body.reason());
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<PatientView> withETag(PatientView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
