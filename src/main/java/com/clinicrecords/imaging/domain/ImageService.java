package com.clinicrecords.imaging.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.imaging.persistence.ImageRepository;
import com.clinicrecords.imaging.persistence.ImageStorage;
import com.clinicrecords.imaging.persistence.LinkedPatientImages;
import com.clinicrecords.patients.persistence.DoctorPatientLocks;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.PreconditionFailedException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading, describing, status changes, soft deletion and download authorisation of images. */
@NamedInterface("api")
@Service
public class ImageService {

    private final ImageRepository images;
    private final LinkedPatientImages linkedRows;
    private final DoctorPatientLocks locks;
    private final ImageAccess access;
    private final ImageStorage storage;
    private final AuditTrail audit;
    private final Clock clock;

    public ImageService(
            ImageRepository images,
            LinkedPatientImages linkedRows,
            DoctorPatientLocks locks,
            ImageAccess access,
            ImageStorage storage,
            AuditTrail audit,
            Clock clock) {
        this.images = images;
        this.linkedRows = linkedRows;
        this.locks = locks;
        this.access = access;
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reads only: no transaction around them. */
    public Page<ImageView> list(AuthenticatedUser me, UUID patientId, ImageStatus status, int page, int size) {
        access.requireVisiblePatient(me, patientId, AuditAction.LIST);
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "uploadedAt", "id"));
        Page<ImageView> result =
                images.findLiveByPatient(patientId, status, request).map(ImageView::of);
        audit.record(AuditEntry.allowed(AuditAction.LIST, ImageAccess.RESOURCE, null, patientId));
        return result;
    }

    /** Access check and read in one statement, no transaction around them (see PatientRecordService#get). */
    public ImageView get(AuthenticatedUser me, UUID imageId) {
        MedicalImage image = access.readable(me, imageId, AuditAction.READ);
        audit.record(AuditEntry.allowed(AuditAction.READ, ImageAccess.RESOURCE, imageId, image.getPatientId()));
        return forCaller(me, ImageView.of(image));
    }

    /** Linked doctors and the uploader (while they can still read the record) may describe an image. */
    @Transactional
    public ImageView update(AuthenticatedUser me, UUID imageId, UpdateImageCommand cmd) {
        MedicalImage image = access.readable(me, imageId, AuditAction.UPDATE);
        access.requireEditable(me, image);
        if (cmd.expectedVersion() != null && cmd.expectedVersion() != image.getVersion()) {
            throw new PreconditionFailedException("The image was changed by someone else; reload it and try again");
        }
        UpdateImageCommand values = cmd.mergedWith(image);
        image.describe(values.modality(), values.bodyPart(), values.studyDate(), values.description(), clock.instant());
        images.saveAndFlush(image);
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, ImageAccess.RESOURCE, imageId, image.getPatientId()));
        return ImageView.of(image);
    }

    /** The analysis service, or a doctor linked to the patient, holding images:status. */
    @Transactional
    public ImageView changeStatus(AuthenticatedUser me, UUID imageId, ImageStatus next) {
        MedicalImage image = access.readable(me, imageId, AuditAction.UPDATE);
        access.requireStatusSetter(me, image);
        if (!image.getStatus().canMoveTo(next)) {
            throw new ConflictException(
                    "invalid-status-transition",
                    "An image cannot go from " + image.getStatus() + " to " + next,
                    Map.of("currentStatus", image.getStatus().name()));
        }
        image.changeStatus(next, clock.instant());
        images.saveAndFlush(image);
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, ImageAccess.RESOURCE, imageId, image.getPatientId())
                .withDetail("status " + next));
        return ImageView.of(image);
    }

    /**
     * Soft delete by the doctor who uploaded it (while linked) or an admin. The bytes stay in storage: medical
     * records are retained; purging is a retention job's decision.
     */
    @Transactional
    public void delete(AuthenticatedUser me, UUID imageId) {
        MedicalImage image = access.readable(me, imageId, AuditAction.DELETE);
        access.requireDeletable(me, image);
        // the lock link changes take: a link made meanwhile cannot add a row for this image after we removed its
        // rows (it would have read the image as live before our deletion committed)
        locks.lockPatient(image.getPatientId());
        image.softDelete(me.userId(), clock.instant());
        images.saveAndFlush(image);
        linkedRows.deleted(imageId, image.getPatientId());
        audit.record(AuditEntry.allowed(AuditAction.DELETE, ImageAccess.RESOURCE, imageId, image.getPatientId()));
    }

    /** Authorises and audits a download; the bytes are streamed afterwards, outside the transaction. */
    @Transactional
    public ImageDownload download(AuthenticatedUser me, UUID imageId, ByteRange.Requested range) {
        return download(me, imageId, range, null);
    }

    /**
     * @param ifRange the If-Range header: the Range is honoured only when it names the current content's ETag
     *                (RFC 9110 13.1.5); a stale or date-valued one gets the whole file (200)
     */
    @Transactional
    public ImageDownload download(AuthenticatedUser me, UUID imageId, ByteRange.Requested range, String ifRange) {
        MedicalImage image = access.readable(me, imageId, AuditAction.DOWNLOAD);
        if (ifRange != null && !ifRange.trim().equals(contentETag(image.getSha256()))) {
            range = ByteRange.Requested.NONE;
        }
        ByteRange resolved = range.resolve(image.getSizeBytes());
        audit.record(AuditEntry.allowed(AuditAction.DOWNLOAD, ImageAccess.RESOURCE, imageId, image.getPatientId())
                .withDetail(resolved.partial() ? "bytes " + resolved.first() + "-" + resolved.last() : null));
        return new ImageDownload(
                forCaller(me, ImageView.of(image)),
                image.getStorageKey(),
                resolved.first(),
                resolved.length(),
                resolved.partial());
    }

    /** The strong ETag of an image's bytes: their SHA-256, quoted. */
    public static String contentETag(String sha256) {
        return "\"" + sha256 + "\"";
    }

    public InputStream open(ImageDownload download) throws IOException {
        return storage.openRange(download.storageKey(), download.offset(), download.length());
    }

    /**
     * For the analysis pipeline (no caller checks: the job rules decide): moves a live image to {@code next} if
     * that transition is allowed; deleted images and impossible transitions are left alone.
     */
    @Transactional
    public void changeStatusForAnalysis(UUID imageId, ImageStatus next) {
        images.findLive(imageId).ifPresent(image -> {
            if (image.getStatus() != next && image.getStatus().canMoveTo(next)) {
                image.changeStatus(next, clock.instant());
                images.saveAndFlush(image);
            }
        });
    }

    /** For the analysis pipeline: a live image, without caller checks or audit (callers audit what they do). */
    @Transactional(readOnly = true)
    public java.util.Optional<ImageView> findLiveForAnalysis(UUID imageId) {
        return images.findLive(imageId).map(ImageView::of);
    }

    private ImageView forCaller(AuthenticatedUser me, ImageView view) {
        return access.isServiceClient(me) ? view.withoutPatientDetails() : view;
    }

    /** For the analysis module: the image a result is attached to, if the caller may read it. */
    /** One statement (image with access facts); no transaction. */
    public ImageView requireReadable(AuthenticatedUser me, UUID imageId) {
        return ImageView.of(access.readable(me, imageId, AuditAction.READ));
    }
}
