package com.clinicrecords.analysis.domain;

import com.clinicrecords.analysis.domain.JobViews.Claimed;
import com.clinicrecords.analysis.domain.JobViews.ClaimedJob;
import com.clinicrecords.analysis.domain.JobViews.JobView;
import com.clinicrecords.analysis.domain.ResultViews.CreateResult;
import com.clinicrecords.analysis.domain.ResultViews.ResultView;
import com.clinicrecords.analysis.persistence.AnalysisJobRepository;
import com.clinicrecords.analysis.persistence.ServiceClientRepository;
import com.clinicrecords.analysis.persistence.WebhookDeliveryRepository;
import com.clinicrecords.analysis.persistence.WebhookSubscribers;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.imaging.domain.ImageAccess;
import com.clinicrecords.imaging.domain.ImageCommittedEvent;
import com.clinicrecords.imaging.domain.ImageService;
import com.clinicrecords.imaging.domain.ImageStatus;
import com.clinicrecords.imaging.domain.ImageView;
import com.clinicrecords.patients.domain.ClinicDirectory;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.persistence.DeadlockRetry;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analysis work queue. Every committed image gets a job in the same transaction; service clients claim
 * jobs ({@code FOR UPDATE SKIP LOCKED}), keep their lease alive, and complete or fail them. A failed try is
 * retried with backoff up to {@code clinic.analysis.max-attempts} leases, then the job and image are FAILED
 * and the linked doctors told. An expired lease puts the job back in the queue (claim and sweeper both do).
 */
@Service
public class AnalysisJobs {

    static final AuditResource RESOURCE = AuditResource.ANALYSIS_JOB;

    private final AnalysisJobRepository jobs;
    private final WebhookDeliveryRepository deliveries;
    private final ServiceClientRepository clients;
    private final WebhookSubscribers subscribers;
    private final ImageService images;
    private final ImageAccess imageAccess;
    private final ResultAccess access;
    private final AnalysisResults results;
    private final AnalysisNotifier notifier;
    private final AuditTrail audit;
    private final AnalysisProperties props;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ClinicDirectory directory;

    AnalysisJobs(
            AnalysisJobRepository jobs,
            WebhookDeliveryRepository deliveries,
            ServiceClientRepository clients,
            WebhookSubscribers subscribers,
            ImageService images,
            ImageAccess imageAccess,
            ResultAccess access,
            AnalysisResults results,
            AnalysisNotifier notifier,
            AuditTrail audit,
            AnalysisProperties props,
            Clock clock,
            TransactionTemplate tx,
            ClinicDirectory directory) {
        this.jobs = jobs;
        this.deliveries = deliveries;
        this.clients = clients;
        this.subscribers = subscribers;
        this.images = images;
        this.imageAccess = imageAccess;
        this.access = access;
        this.results = results;
        this.notifier = notifier;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
        this.tx = tx;
        this.directory = directory;
    }

    /** Runs inside the upload's transaction: no image is stored without its job. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onImageCommitted(ImageCommittedEvent event) {
        AnalysisJob job = jobs.saveAndFlush(new AnalysisJob(
                event.imageId(), event.patientId(), event.modality(), event.uploadedBy(), clock.instant()));
        offer(job);
    }

    /**
     * A linked doctor asks for a new run (202). While a job of the image is still open, that job is the answer,
     * so repeated or concurrent requests all get the same job.
     */
    public JobView rerun(AuthenticatedUser me, UUID imageId) {
        try {
            return tx.execute(status -> rerunOnce(me, imageId));
        } catch (DataIntegrityViolationException concurrentRequest) {
            return tx.execute(status -> rerunOnce(me, imageId));
        }
    }

    private JobView rerunOnce(AuthenticatedUser me, UUID imageId) {
        ImageView image = images.requireReadable(me, imageId);
        access.requireMayRerun(me, image.patientId());
        Optional<AnalysisJob> open = jobs.findOpenForImage(imageId);
        if (open.isPresent()) {
            return JobView.of(open.get());
        }
        AnalysisJob job = jobs.saveAndFlush(
                new AnalysisJob(imageId, image.patientId(), image.modality(), me.userId(), clock.instant()));
        images.changeStatusForAnalysis(imageId, ImageStatus.WAITING);
        offer(job);
        audit.record(AuditEntry.allowed(AuditAction.CREATE, RESOURCE, job.getId(), image.patientId())
                .withDetail("re-run requested"));
        return JobView.of(job);
    }

    /**
     * Up to {@code maxJobs} jobs for the calling service client, each with a fresh lease; may be empty.
     *
     * <p>A claim and a concurrent cancellation of the same job (a patient's deletion, PatientDeletionJobs) lock it
     * through different indexes, and the database may then roll one of them back as a deadlock victim. Nothing
     * of the claim was written, so it runs again (up to {@value #CLAIM_ATTEMPTS} times) instead of answering 409
     * for a conflict the client did not cause.
     */
    public Claimed claim(AuthenticatedUser me, int maxJobs, Integer leaseSeconds) {
        return DeadlockRetry.run(CLAIM_ATTEMPTS, () -> tx.execute(status -> claimOnce(me, maxJobs, leaseSeconds)));
    }

    static final int CLAIM_ATTEMPTS = 3;

    private Claimed claimOnce(AuthenticatedUser me, int maxJobs, Integer leaseSeconds) {
        ServiceClient client = requireClient(me);
        Duration lease = lease(leaseSeconds);
        Instant now = clock.instant();
        Set<String> modalities = client.modalitySet();
        List<AnalysisJob> locked =
                modalities == null ? jobs.lockClaimable(now, maxJobs) : jobs.lockClaimable(now, modalities, maxJobs);
        List<ClaimedJob> claimed = new ArrayList<>();
        for (AnalysisJob job : locked) {
            Optional<ImageView> image = images.findLiveForAnalysis(job.getImageId());
            // an image whose patient record was deleted is not analysed (PatientDeletionJobs also cancels such
            // jobs, just after the deletion commits)
            if (image.isEmpty() || directory.livePatient(job.getPatientId()).isEmpty()) {
                job.cancel(now);
            } else if (job.isLeaseExpired(now) && job.getAttempt() >= props.maxAttempts()) {
                finalFailure(job, "lease expired", now);
            } else {
                leaseTo(job, client.getId(), now.plus(lease), now, "claimed");
                claimed.add(claimedJob(job, image.get()));
            }
        }
        jobs.flush();
        return new Claimed(claimed);
    }

    @Transactional
    public JobView heartbeat(AuthenticatedUser me, UUID jobId, Integer leaseSeconds) {
        ServiceClient client = requireClient(me);
        Instant now = clock.instant();
        AnalysisJob job = held(client, jobId, now);
        job.extendLease(now.plus(lease(leaseSeconds)), now);
        jobs.saveAndFlush(job);
        return JobView.of(job);
    }

    /** Stores the PRELIMINARY result; a repeat by the same client answers with the same result. */
    @Transactional
    public ResultView complete(AuthenticatedUser me, UUID jobId, CreateResult cmd) {
        ServiceClient client = requireClient(me);
        Instant now = clock.instant();
        AnalysisJob job = jobs.lockById(jobId).orElseThrow(() -> NotFoundException.of("Job"));
        if (job.getStatus() == JobStatus.COMPLETED
                && client.getId().equals(job.getLeaseHolder())
                && job.getResultId() != null) {
            return results.viewForService(job.getResultId());
        }
        requireHeld(job, client, now);
        ResultView result = results.create(me, job.getImageId(), cmd);
        job.complete(result.id(), now);
        jobs.saveAndFlush(job);
        images.changeStatusForAnalysis(job.getImageId(), ImageStatus.PROCESSED);
        notifier.preliminaryResult(job.getPatientId(), result.id());
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, RESOURCE, job.getId(), job.getPatientId())
                .withDetail("completed, result " + result.id()));
        return results.withoutPatient(result);
    }

    /** A failed try: retried after a backoff while attempts remain and the error is retryable, else FAILED. */
    @Transactional
    public JobView fail(AuthenticatedUser me, UUID jobId, String reason, boolean retryable) {
        ServiceClient client = requireClient(me);
        Instant now = clock.instant();
        AnalysisJob job = held(client, jobId, now);
        String error = reason == null || reason.isBlank() ? "failed" : reason.strip();
        if (retryable && job.getAttempt() < props.maxAttempts()) {
            job.requeue(now.plus(props.retryBackoffAfter(job.getAttempt())), error, now);
            images.changeStatusForAnalysis(job.getImageId(), ImageStatus.WAITING);
            offer(job);
            audit.record(AuditEntry.allowed(AuditAction.UPDATE, RESOURCE, job.getId(), job.getPatientId())
                    .withDetail("failed attempt " + job.getAttempt() + ", retried later"));
        } else {
            finalFailure(job, error, now);
        }
        jobs.saveAndFlush(job);
        return JobView.of(job);
    }

    /** Puts jobs whose lease ran out back in the queue (or fails them when no attempt is left). */
    @Transactional
    public int expireLeases() {
        Instant now = clock.instant();
        List<AnalysisJob> expired = jobs.lockExpired(now, 100);
        for (AnalysisJob job : expired) {
            if (job.getAttempt() >= props.maxAttempts()) {
                finalFailure(job, "lease expired", now);
            } else {
                job.requeue(now, "lease expired", now);
                images.changeStatusForAnalysis(job.getImageId(), ImageStatus.WAITING);
                offer(job);
                audit.record(AuditEntry.allowed(AuditAction.UPDATE, RESOURCE, job.getId(), job.getPatientId())
                        .withDetail("lease expired, back in the queue"));
            }
        }
        jobs.flush();
        return expired.size();
    }

    /** Hands the (locked) job to a client: by a claim, or by a webhook the client accepted with a 2xx. */
    void leaseTo(AnalysisJob job, UUID clientId, Instant expiresAt, Instant now, String how) {
        job.lease(clientId, expiresAt, now);
        jobs.save(job);
        images.changeStatusForAnalysis(job.getImageId(), ImageStatus.PROCESSING);
        audit.recordAs(
                clientId,
                AuditEntry.allowed(AuditAction.UPDATE, RESOURCE, job.getId(), job.getPatientId())
                        .withDetail(how + ", attempt " + job.getAttempt()));
    }

    void finalFailure(AnalysisJob job, String error, Instant now) {
        job.fail(error, now);
        jobs.save(job);
        images.changeStatusForAnalysis(job.getImageId(), ImageStatus.FAILED);
        notifier.analysisFailed(job.getPatientId(), job.getImageId());
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, RESOURCE, job.getId(), job.getPatientId())
                .withDetail("failed for good after attempt " + job.getAttempt()));
    }

    ClaimedJob claimedJob(AnalysisJob job, ImageView image) {
        return new ClaimedJob(
                job.getId(),
                job.getImageId(),
                image.sha256(),
                image.contentType(),
                image.sizeBytes(),
                image.modality(),
                image.bodyPart(),
                "/api/images/" + job.getImageId() + "/content",
                job.getLeaseExpiresAt(),
                job.getAttempt());
    }

    /** Queues a webhook offer of a (queued) job for every active client with a webhook that handles it. */
    private void offer(AnalysisJob job) {
        Instant now = clock.instant();
        for (WebhookSubscribers.Subscriber client : subscribers.active()) {
            if (ServiceClient.handles(client.modalities(), job.getModality())) {
                deliveries.save(new WebhookDelivery(client.clientId(), job.getId(), job.getAvailableAt(), now));
            }
        }
    }

    private AnalysisJob held(ServiceClient client, UUID jobId, Instant now) {
        AnalysisJob job = jobs.lockById(jobId).orElseThrow(() -> NotFoundException.of("Job"));
        requireHeld(job, client, now);
        return job;
    }

    private static void requireHeld(AnalysisJob job, ServiceClient client, Instant now) {
        if (!job.isHeldBy(client.getId(), now)) {
            throw new ConflictException(
                    "lease-lost",
                    "You do not hold a live lease on this job: it expired, was handed to another client or is finished",
                    Map.of("jobStatus", job.getStatus().name()));
        }
    }

    private ServiceClient requireClient(AuthenticatedUser me) {
        if (!imageAccess.isAnalysisService(me)) {
            throw new ForbiddenException("service-client-required", "Only analysis service clients work on jobs");
        }
        return clients.findById(me.userId())
                .filter(ServiceClient::isActive)
                .orElseThrow(() -> new ForbiddenException(
                        "service-client-required", "Only analysis service clients work on jobs"));
    }

    private Duration lease(Integer seconds) {
        if (seconds == null) {
            return props.leaseDuration();
        }
        Duration asked = Duration.ofSeconds(seconds);
        return asked.compareTo(props.maxLeaseDuration()) > 0 ? props.maxLeaseDuration() : asked;
    }
}
