package com.clinicrecords.analysis.domain;

import com.clinicrecords.analysis.domain.ResultViews.AmendResult;
import com.clinicrecords.analysis.domain.ResultViews.CreateResult;
import com.clinicrecords.analysis.domain.ResultViews.ResultView;
import com.clinicrecords.analysis.persistence.AnalysisResultRepository;
import com.clinicrecords.analysis.persistence.AnalysisResultVersionRepository;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.imaging.domain.ImageService;
import com.clinicrecords.imaging.domain.ImageView;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.RuleViolationException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analysis results of images: created PRELIMINARY by the analysis service or a linked doctor, signed off
 * (FINAL) and corrected (AMENDED, as a new version) by a linked doctor. Releasing a result tells the patient
 * through {@link ResultRelease}.
 */
@Service
public class AnalysisResults {

    private final AnalysisResultRepository results;
    private final AnalysisResultVersionRepository versions;
    private final ResultAccess access;
    private final ImageService images;
    private final ResultMapper mapper;
    private final ResultRelease release;
    private final AuditTrail audit;
    private final Clock clock;

    public AnalysisResults(
            AnalysisResultRepository results,
            AnalysisResultVersionRepository versions,
            ResultAccess access,
            ImageService images,
            ResultMapper mapper,
            ResultRelease release,
            AuditTrail audit,
            Clock clock) {
        this.results = results;
        this.versions = versions;
        this.access = access;
        this.images = images;
        this.mapper = mapper;
        this.release = release;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ResultView create(AuthenticatedUser me, UUID imageId, CreateResult cmd) {
        ImageView image = images.requireReadable(me, imageId);
        boolean service = access.isAnalysisService(me);
        access.requireWriter(me, image.patientId(), imageId);
        if (!image.sha256().equalsIgnoreCase(cmd.imageSha256())) {
            throw new ConflictException(
                    "image-hash-mismatch",
                    "The image's SHA-256 does not match imageSha256: the result was computed on other bytes");
        }
        if (service && (blank(cmd.algorithmName()) || blank(cmd.algorithmVersion()))) {
            throw new RuleViolationException(
                    "algorithm-required", "Results from the analysis service must name the algorithm and its version");
        }
        AnalysisResult result = results.save(new AnalysisResult(
                imageId,
                image.patientId(),
                image.sha256(),
                cmd.algorithmName(),
                cmd.algorithmVersion(),
                me.userId(),
                clock.instant()));
        AnalysisResultVersion first = versions.save(new AnalysisResultVersion(
                result.getId(),
                1,
                ResultStatus.PRELIMINARY,
                mapper.toJson(cmd.regions()),
                cmd.findings(),
                null,
                me.userId(),
                clock.instant()));
        results.flush();
        audit.record(AuditEntry.allowed(AuditAction.CREATE, ResultAccess.RESOURCE, result.getId(), image.patientId()));
        return mapper.view(result, first, List.of(first));
    }

    /** Access check and read in one statement, no transaction around them (see PatientRecordService#get). */
    public ResultView get(AuthenticatedUser me, UUID resultId) {
        AnalysisResult result = access.readable(me, resultId, AuditAction.READ);
        audit.record(AuditEntry.allowed(AuditAction.READ, ResultAccess.RESOURCE, resultId, result.getPatientId()));
        List<AnalysisResultVersion> history = versions.findByResultIdOrderByVersionNo(resultId);
        return mapper.view(result, history.get(history.size() - 1), history);
    }

    /** Reads only: no transaction around them. */
    public List<ResultView> forImage(AuthenticatedUser me, UUID imageId) {
        ImageView image = images.requireReadable(me, imageId);
        audit.record(AuditEntry.allowed(AuditAction.LIST, ResultAccess.RESOURCE, null, image.patientId()));
        return results.findCurrentByImage(imageId, access.visibleStatuses(me, image.patientId())).stream()
                .map(this::currentView)
                .toList();
    }

    /** Reads only: no transaction around them. */
    public Page<ResultView> forPatient(AuthenticatedUser me, UUID patientId, int page, int size) {
        Set<ResultStatus> visible = access.requireVisiblePatient(me, patientId);
        audit.record(AuditEntry.allowed(AuditAction.LIST, ResultAccess.RESOURCE, null, patientId));
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id"));
        return results.findCurrentByPatient(patientId, visible, request).map(this::currentView);
    }

    /** PRELIMINARY -> FINAL, by a linked doctor. A released result never goes back to PRELIMINARY. */
    @Transactional
    public ResultView finalizeResult(AuthenticatedUser me, UUID resultId) {
        AnalysisResult result = access.readable(me, resultId, AuditAction.UPDATE);
        access.requireSignOff(me, result);
        if (result.getStatus() != ResultStatus.PRELIMINARY) {
            throw new ConflictException("result-already-final", "The result is already " + result.getStatus());
        }
        AnalysisResultVersion current = versions.findByResultIdAndVersionNo(resultId, result.getCurrentVersion())
                .orElseThrow();
        current.markFinal();
        result.finalizeBy(me.userId(), clock.instant());
        results.saveAndFlush(result);
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, ResultAccess.RESOURCE, resultId, result.getPatientId())
                .withDetail("finalized"));
        release.released(result, false);
        return get(me, resultId);
    }

    /** A correction of a released result: a new AMENDED version; earlier versions stay readable. */
    @Transactional
    public ResultView amend(AuthenticatedUser me, UUID resultId, AmendResult cmd) {
        AnalysisResult result = access.readable(me, resultId, AuditAction.UPDATE);
        access.requireSignOff(me, result);
        if (!result.getStatus().isReleased()) {
            throw new ConflictException(
                    "result-not-final", "Only a final result can be amended; finalize the preliminary result first");
        }
        int next = result.amend(clock.instant());
        versions.save(new AnalysisResultVersion(
                resultId,
                next,
                ResultStatus.AMENDED,
                mapper.toJson(cmd.regions()),
                cmd.findings(),
                cmd.reason(),
                me.userId(),
                clock.instant()));
        results.saveAndFlush(result);
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, ResultAccess.RESOURCE, resultId, result.getPatientId())
                .withDetail("amended to version " + next));
        release.released(result, true);
        return get(me, resultId);
    }

    /** For the job queue: a result its service client created, read back on a repeated completion. */
    @Transactional(readOnly = true)
    public ResultView viewForService(UUID resultId) {
        AnalysisResult result = results.findById(resultId).orElseThrow(() -> NotFoundException.of("Result"));
        List<AnalysisResultVersion> history = versions.findByResultIdOrderByVersionNo(resultId);
        return withoutPatient(mapper.view(result, history.get(history.size() - 1), history));
    }

    /** Service clients never see which patient an image belongs to. */
    public ResultView withoutPatient(ResultView v) {
        return new ResultView(
                v.id(),
                v.imageId(),
                null,
                v.imageSha256(),
                v.status(),
                v.currentVersion(),
                v.algorithmName(),
                v.algorithmVersion(),
                v.createdBy(),
                v.createdAt(),
                v.finalizedAt(),
                v.finalizedBy(),
                v.regions(),
                v.findings(),
                v.version(),
                v.history());
    }

    private ResultView currentView(Object[] row) {
        return mapper.view((AnalysisResult) row[0], (AnalysisResultVersion) row[1], null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
