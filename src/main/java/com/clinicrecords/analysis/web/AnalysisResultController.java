package com.clinicrecords.analysis.web;

import com.clinicrecords.analysis.domain.AnalysisResults;
import com.clinicrecords.analysis.domain.ResultViews.AmendResult;
import com.clinicrecords.analysis.domain.ResultViews.ResultView;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Analysis results")
class AnalysisResultController {

    private final AnalysisResults results;

    AnalysisResultController(AnalysisResults results) {
        this.results = results;
    }

    @PostMapping("/api/images/{imageId}/results")
    @Operation(summary = "Attach a PRELIMINARY result to an image (analysis service or linked doctor; analysis:write)")
    ResponseEntity<ResultView> create(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID imageId,
            @Valid @RequestBody ResultRequests.CreateResultBody body) {
        ResultView view = results.create(me, imageId, body.command());
        return ResponseEntity.created(URI.create("/api/results/" + view.id())).body(view);
    }

    @GetMapping("/api/images/{imageId}/results")
    @Operation(summary = "Results of an image (patients see released results only)")
    List<ResultView> forImage(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID imageId) {
        return results.forImage(me, imageId);
    }

    @GetMapping("/api/results/{id}")
    @Operation(summary = "One result with its version history")
    ResultView get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return results.get(me, id);
    }

    @PostMapping("/api/results/{id}/finalize")
    @Operation(summary = "Sign off a PRELIMINARY result as FINAL and notify the patient (linked doctor)")
    ResultView finalizeResult(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return results.finalizeResult(me, id);
    }

    @PostMapping("/api/results/{id}/amend")
    @Operation(summary = "Correct a FINAL/AMENDED result as a new AMENDED version (linked doctor)")
    ResultView amend(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @Valid @RequestBody ResultRequests.AmendResultBody body) {
        return results.amend(
                me, id, new AmendResult(ResultRequests.regions(body.regions()), body.findings(), body.reason()));
    }

    @GetMapping("/api/patients/{patientId}/results")
    @Operation(summary = "A patient's results, newest first (patient: released only)")
    PageView<ResultView> forPatient(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID patientId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(results.forPatient(me, patientId, page, size));
    }
}
