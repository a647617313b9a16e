package com.clinicrecords.imaging.domain;

import com.clinicrecords.imaging.persistence.ImageUploadKeyRepository;
import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PayloadTooLargeException;
import com.clinicrecords.shared.domain.RuleViolationException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Upload of one image: check access and the declared size before reading a byte, stream the file to temporary
 * storage, then let {@link ImageCommitter} deduplicate and commit. Whatever goes wrong in between (415, 413,
 * client disconnect, malformed multipart), the temporary object is removed: no file and no row remain.
 * Deliberately not transactional: no database connection is held while bytes arrive.
 */
@Service
public class ImageUploads {

    /** Room for multipart boundaries and form fields around the file. */
    private static final long MULTIPART_ENVELOPE = 64 * 1024;

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /** Reads the request body, handing the file's bytes to the receiver exactly once. */
    @FunctionalInterface
    public interface UploadBody {
        UploadForm read(FileReceiver receiver) throws IOException;
    }

    @FunctionalInterface
    public interface FileReceiver {
        void receive(InputStream content, String clientFilename) throws IOException;
    }

    private final ImageAccess access;
    private final UploadReceiver receiver;
    private final ImageCommitter committer;
    private final ImageUploadKeyRepository keys;

    public ImageUploads(
            ImageAccess access, UploadReceiver receiver, ImageCommitter committer, ImageUploadKeyRepository keys) {
        this.access = access;
        this.receiver = receiver;
        this.committer = committer;
        this.keys = keys;
    }

    /**
     * @param declaredLength the request's Content-Length, or -1 when chunked
     * @param multipart      whether the body is multipart/form-data (its envelope adds a few bytes)
     */
    public UploadResult upload(
            AuthenticatedUser me,
            UUID patientId,
            String idempotencyKey,
            long declaredLength,
            boolean multipart,
            UploadBody body) {
        access.requireUpload(me, patientId);
        // A retry with a known key is read too (then discarded): only the same file gets the first answer.
        Optional<UploadResult> replay = Optional.empty();
        if (idempotencyKey != null) {
            if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
                throw new BadRequestException(
                        "invalid-idempotency-key", "Idempotency-Key must be 1 to 128 visible ASCII characters");
            }
            replay = replay(me, patientId, idempotencyKey);
        }
        long allowed = receiver.maxBytes() + (multipart ? MULTIPART_ENVELOPE : 0);
        if (declaredLength > allowed) {
            throw new PayloadTooLargeException(receiver.maxBytes());
        }
        UploadReceiver.Received[] holder = new UploadReceiver.Received[1];
        boolean committed = false;
        try {
            UploadForm form = body.read((content, filename) -> {
                if (holder[0] != null) {
                    throw new BadRequestException("too-many-files", "Send exactly one file per upload");
                }
                holder[0] = receiver.receive(content, filename);
            });
            if (holder[0] == null) {
                throw new BadRequestException("missing-file", "The request contains no file (multipart part \"file\")");
            }
            if (replay.isPresent()) {
                if (!replay.get().image().sha256().equals(holder[0].file().sha256())) {
                    throw new RuleViolationException(
                            "idempotency-key-reused",
                            "This Idempotency-Key was already used for a different file; use a new key");
                }
                return replay.get();
            }
            UploadResult result = committer.commit(me, patientId, holder[0], form, idempotencyKey);
            committed = true;
            return result;
        } catch (IOException e) {
            throw new BadRequestException(
                    "upload-incomplete", "The upload was interrupted or malformed; nothing was stored");
        } finally {
            if (!committed && holder[0] != null) {
                receiver.discard(holder[0]);
            }
        }
    }

    /** A retry with a known key gets the original answer without the file being stored again. */
    Optional<UploadResult> replay(AuthenticatedUser me, UUID patientId, String idempotencyKey) {
        return keys.findById(new ImageUploadKey.Key(me.userId(), idempotencyKey))
                .map(key -> {
                    if (!key.getPatientId().equals(patientId)) {
                        throw new RuleViolationException(
                                "idempotency-key-reused",
                                "This Idempotency-Key was already used for a different request");
                    }
                    ImageView image = committer.view(key.getImageId()).orElseThrow(() -> NotFoundException.of("Image"));
                    return new UploadResult(image, key.getResponseStatus() == 201);
                });
    }
}
