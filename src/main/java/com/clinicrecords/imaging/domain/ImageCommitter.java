package com.clinicrecords.imaging.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.imaging.persistence.ImageRepository;
import com.clinicrecords.imaging.persistence.ImageStorage;
import com.clinicrecords.imaging.persistence.ImageUploadKeyRepository;
import com.clinicrecords.imaging.persistence.LinkedPatientImages;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a received temporary file into an image: the file is moved to its final key and the row inserted. If the
 * patient already has these bytes, the insert meets the unique index (patient_id, live_sha256): the new file is
 * removed and the existing image returned (200), also when two identical uploads race. There is no lookup before
 * the insert: a new upload, the common case, does not pay a database round trip for the rare duplicate.
 */
@Component
class ImageCommitter {

    private final ImageRepository images;
    private final LinkedPatientImages linkedRows;
    private final ImageUploadKeyRepository keys;
    private final ImageStorage storage;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    ImageCommitter(
            ImageRepository images,
            LinkedPatientImages linkedRows,
            ImageUploadKeyRepository keys,
            ImageStorage storage,
            AuditTrail audit,
            Clock clock,
            PlatformTransactionManager txManager,
            ApplicationEventPublisher events) {
        this.images = images;
        this.linkedRows = linkedRows;
        this.keys = keys;
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        // REPEATABLE READ even where the server's default is another: the linked doctors' rows of a new image
        // rely on INSERT ... SELECT reading with locks (LinkedPatientImages.uploaded); no round trip where it is
        // the default already (the driver tracks the session's level)
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.events = events;
    }

    UploadResult commit(
            AuthenticatedUser me,
            UUID patientId,
            UploadReceiver.Received received,
            UploadForm form,
            String idempotencyKey) {
        UUID id = UUID.randomUUID();
        String key = "images/" + id.toString().substring(0, 2) + "/" + id;
        try {
            storage.commit(received.temp(), key);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not commit image to storage", e);
        }
        try {
            return tx.execute(status -> {
                MedicalImage image =
                        new MedicalImage(id, patientId, key, received.file(), me.userId(), clock.instant());
                DicomHeaderReader.DicomHeader dicom = received.dicom();
                image.describe(
                        first(form.modality(), dicom.modality()),
                        first(form.bodyPart(), dicom.bodyPart()),
                        form.studyDate() != null ? form.studyDate() : dicom.studyDate(),
                        form.description(),
                        clock.instant());
                images.saveAndFlush(image);
                linkedRows.uploaded(id);
                events.publishEvent(new ImageCommittedEvent(id, patientId, image.getModality(), me.userId()));
                rememberKey(me, idempotencyKey, patientId, id, 201);
                audit.record(AuditEntry.allowed(AuditAction.CREATE, ImageAccess.RESOURCE, id, patientId)
                        .withDetail(received.file().contentType() + ", "
                                + received.file().size() + " bytes"));
                return new UploadResult(ImageView.of(image), true);
            });
        } catch (DataIntegrityViolationException duplicate) {
            storage.delete(key);
            return resolveDuplicate(me, patientId, received, idempotencyKey).orElseThrow(() -> duplicate);
        } catch (RuntimeException e) {
            storage.delete(key);
            throw e;
        }
    }

    Optional<ImageView> view(UUID imageId) {
        return tx.execute(status -> images.findLive(imageId).map(ImageView::of));
    }

    /**
     * The same bytes are already stored for this patient: the existing image is the answer (the caller has removed
     * the new file already). The lookup is one statement outside a transaction (a single read is consistent by
     * itself).
     */
    private Optional<UploadResult> existing(
            AuthenticatedUser me, UUID patientId, UploadReceiver.Received received, String idempotencyKey) {
        Optional<MedicalImage> image =
                images.findLiveBySha(patientId, received.file().sha256());
        if (image.isEmpty()) {
            return Optional.empty();
        }
        UploadResult found = new UploadResult(ImageView.of(image.get()), false);
        tx.executeWithoutResult(status -> audit.record(AuditEntry.allowed(
                        AuditAction.READ, ImageAccess.RESOURCE, found.image().id(), patientId)
                .withDetail("duplicate upload")));
        try {
            tx.executeWithoutResult(status ->
                    rememberKey(me, idempotencyKey, patientId, found.image().id(), 200));
        } catch (DataIntegrityViolationException sameKeyConcurrently) {
            // another request with the same key recorded it first; the answer is the same image
        }
        return Optional.of(found);
    }

    /**
     * The insert hit a unique index: the same Idempotency-Key was recorded by a concurrent request, or the
     * patient has these bytes already. Empty when neither (then the violation was something else).
     */
    private Optional<UploadResult> resolveDuplicate(
            AuthenticatedUser me, UUID patientId, UploadReceiver.Received received, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<ImageUploadKey> known =
                    tx.execute(s -> keys.findById(new ImageUploadKey.Key(me.userId(), idempotencyKey)));
            if (known.isPresent() && known.get().getPatientId().equals(patientId)) {
                return view(known.get().getImageId())
                        .map(v -> new UploadResult(v, known.get().getResponseStatus() == 201));
            }
        }
        return existing(me, patientId, received, idempotencyKey);
    }

    private void rememberKey(AuthenticatedUser me, String idempotencyKey, UUID patientId, UUID imageId, int status) {
        if (idempotencyKey != null) {
            keys.saveAndFlush(
                    new ImageUploadKey(me.userId(), idempotencyKey, patientId, imageId, status, clock.instant()));
        }
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b;
    }
}
