package com.clinicrecords.analysis.web;

import com.clinicrecords.analysis.domain.AnalysisJobs;
import com.clinicrecords.analysis.domain.JobViews.Claimed;
import com.clinicrecords.analysis.domain.JobViews.JobView;
import com.clinicrecords.analysis.domain.ResultViews.ResultView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Analysis jobs", description = "The work queue of analysis service clients")
class AnalysisJobController {

    private final AnalysisJobs jobs;

    AnalysisJobController(AnalysisJobs jobs) {
        this.jobs = jobs;
    }

    /** {@code leaseSeconds} (optional) asks for a lease other than the default, capped by the server. */
    record ClaimBody(
            @NotNull @Min(1) @Max(10) Integer maxJobs,
            @Min(1) @Max(86400) Integer leaseSeconds) {}

    record HeartbeatBody(@Min(1) @Max(86400) Integer leaseSeconds) {}

    record FailBody(@Size(max = 255) String reason, Boolean retryable) {}

    @PostMapping("/api/analysis/jobs/claim")
    @Operation(
            summary = "Claim up to maxJobs waiting jobs with a lease (service clients); an empty list when there is "
                    + "no work. The images move WAITING -> PROCESSING")
    Claimed claim(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody ClaimBody body) {
        return jobs.claim(me, body.maxJobs(), body.leaseSeconds());
    }

    @PostMapping("/api/analysis/jobs/{id}/heartbeat")
    @Operation(summary = "Extend the lease of a job you hold (409 when the lease expired or moved)")
    JobView heartbeat(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) HeartbeatBody body) {
        return jobs.heartbeat(me, id, body == null ? null : body.leaseSeconds());
    }

    @PostMapping("/api/analysis/jobs/{id}/complete")
    @Operation(
            summary = "Store the PRELIMINARY result of a job you hold (body as POST /api/images/{imageId}/results); "
                    + "the image becomes PROCESSED and the linked doctors are told")
    ResponseEntity<ResultView> complete(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @Valid @RequestBody ResultRequests.CreateResultBody body) {
        ResultView view = jobs.complete(me, id, body.command());
        return ResponseEntity.created(URI.create("/api/results/" + view.id())).body(view);
    }

    @PostMapping("/api/analysis/jobs/{id}/fail")
    @Operation(
            summary = "Report a failed try of a job you hold: retried with backoff while attempts remain and "
                    + "retryable (default true), else FAILED (image FAILED, linked doctors told)")
    JobView fail(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) FailBody body) {
        boolean retryable = body == null || body.retryable() == null || body.retryable();
        return jobs.fail(me, id, body == null ? null : body.reason(), retryable);
    }

    @PostMapping("/api/images/{id}/analysis")
    @Operation(
            summary = "Request a new analysis of an image (linked doctor); 202 with the job, the open job if one "
                    + "is still waiting or running")
    ResponseEntity<JobView> rerun(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.rerun(me, id));
    }
}
