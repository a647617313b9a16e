package com.clinicrecords.analysis.domain;

import com.clinicrecords.analysis.domain.JobViews.ClaimedJob;
import com.clinicrecords.analysis.persistence.AnalysisJobRepository;
import com.clinicrecords.analysis.persistence.ServiceClientRepository;
import com.clinicrecords.analysis.persistence.WebhookDeliveryRepository;
import com.clinicrecords.imaging.domain.ImageService;
import com.clinicrecords.imaging.domain.ImageView;
import com.clinicrecords.shared.persistence.OutboxBatches;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due webhook offers, like the email relay: each delivery in its own short transaction that locks its
 * row ({@code FOR UPDATE SKIP LOCKED}) and the job's row, POSTs the signed offer and, on a 2xx, leases the job
 * to the client and marks the delivery SENT before committing. So several instances never send one delivery
 * twice, and a delivery answered with a 2xx is never sent again. Other answers back off exponentially.
 * The JDK HTTP client is used (no redirects followed, bounded timeouts).
 */
@Component
public class WebhookRelay {

    static final String EVENT_TYPE = "analysis.job.leased";
    private static final Logger log = LoggerFactory.getLogger(WebhookRelay.class);

    private final WebhookDeliveryRepository deliveries;
    private final ServiceClientRepository clients;
    private final AnalysisJobRepository jobs;
    private final AnalysisJobs queue;
    private final ImageService images;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final AnalysisProperties props;
    private final Clock clock;
    private final HttpClient http;

    WebhookRelay(
            WebhookDeliveryRepository deliveries,
            ServiceClientRepository clients,
            AnalysisJobRepository jobs,
            AnalysisJobs queue,
            ImageService images,
            JsonMapper json,
            TransactionTemplate tx,
            AnalysisProperties props,
            Clock clock) {
        this.deliveries = deliveries;
        this.clients = clients;
        this.jobs = jobs;
        this.queue = queue;
        this.images = images;
        this.json = json;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(props.webhook().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(
            fixedDelayString = "${clinic.analysis.webhook.relay-interval:2s}",
            initialDelayString = "${clinic.analysis.webhook.relay-interval:2s}")
    void scheduledRun() {
        try {
            relayDue();
        } catch (RuntimeException e) {
            log.warn("Webhook relay run failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Sends up to one batch of due deliveries; returns how many were accepted with a 2xx. */
    public int relayDue() {
        return OutboxBatches.relay(tx, props.webhook().batchSize(), this::relayOne);
    }

    /** null when nothing is due, else whether the delivery was accepted. */
    private Boolean relayOne() {
        Instant now = clock.instant();
        WebhookDelivery delivery = deliveries.lockNextDue(now).orElse(null);
        if (delivery == null) {
            return null;
        }
        ServiceClient client = clients.findById(delivery.getClientId()).orElse(null);
        if (client == null || !client.isActive() || client.getWebhookUrl() == null) {
            delivery.skip("client revoked or without webhook");
            return false;
        }
        AnalysisJob job = jobs.lockById(delivery.getJobId()).orElse(null);
        if (job == null) {
            delivery.skip("job gone");
            return false;
        }
        if (job.getStatus() == JobStatus.QUEUED && job.getAvailableAt().isAfter(now)) {
            delivery.postpone(job.getAvailableAt());
            return false;
        }
        if (job.getStatus() != JobStatus.QUEUED && !job.isLeaseExpired(now)) {
            delivery.skip("job taken or finished");
            return false;
        }
        Optional<ImageView> image = images.findLiveForAnalysis(job.getImageId());
        if (image.isEmpty()) {
            job.cancel(now);
            delivery.skip("image deleted");
            return false;
        }
        if (job.isLeaseExpired(now) && job.getAttempt() >= props.maxAttempts()) {
            queue.finalFailure(job, "lease expired", now);
            delivery.skip("no attempt left");
            return false;
        }
        Instant expiresAt = now.plus(props.leaseDuration());
        ClaimedJob offered = offer(queue.claimedJob(job, image.get()), expiresAt, job.getAttempt() + 1);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", EVENT_TYPE);
        payload.put("deliveryId", delivery.getId());
        payload.put("job", offered);
        String body = json.writeValueAsString(payload);
        String error;
        try {
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(client.getWebhookUrl()))
                    .timeout(props.webhook().timeout())
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.ID_HEADER, delivery.getId().toString())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(
                            WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(client.getWebhookSecret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                queue.leaseTo(job, client.getId(), expiresAt, now, "offered by webhook");
                delivery.markSent(clock.instant());
                return true;
            }
            error = "HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        delivery.markFailed(
                error,
                now,
                props.webhook().backoffAfter(delivery.getAttempts() + 1),
                props.webhook().maxAttempts());
        log.warn("Webhook delivery {} failed (attempt {}): {}", delivery.getId(), delivery.getAttempts(), error);
        return false;
    }

    private static ClaimedJob offer(ClaimedJob job, Instant expiresAt, int attempt) {
        return new ClaimedJob(
                job.id(),
                job.imageId(),
                job.imageSha256(),
                job.contentType(),
                job.sizeBytes(),
                job.modality(),
                job.bodyPart(),
                job.contentUrl(),
                expiresAt,
                attempt);
    }
}
