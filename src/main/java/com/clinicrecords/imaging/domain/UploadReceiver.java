package com.clinicrecords.imaging.domain;

import com.clinicrecords.imaging.persistence.ImageStorage;
import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Streams one uploaded file into temporary storage. Memory use is fixed (the first {@value #HEAD_BYTES} bytes,
 * kept for type detection and the DICOM header, plus copy buffers), whatever the file size. The type is
 * checked before anything is written, the size while writing, and the SHA-256 is computed on the way (on a second
 * thread, overlapping the socket reads and file writes, when {@code clinic.imaging.digest-threads} allows it).
 */
@Component
class UploadReceiver implements DisposableBean {

    static final int HEAD_BYTES = 64 * 1024;

    private final ImageStorage storage;
    private final ContentSniffer sniffer;
    private final long maxBytes;

    /**
     * Digest threads, started on demand and never queued behind each other (a hand-over queue): a waiting
     * hasher would stall its upload, so a full pool makes the request thread hash instead (rejection).
     */
    private final ThreadPoolExecutor digestThreads;

    /** The digest threads, or with {@code clinic.imaging.digest-threads=0} none: every upload hashes itself. */
    private final Executor hashing;

    UploadReceiver(ImageStorage storage, ContentSniffer sniffer, ImagingProperties props) {
        this.storage = storage;
        this.sniffer = sniffer;
        this.maxBytes = props.maxBytes().toBytes();
        this.digestThreads = new ThreadPoolExecutor(
                0,
                Math.max(1, props.digestThreads()),
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                daemonThreads("upload-digest-"));
        this.hashing = props.digestThreads() > 0 ? digestThreads : UploadReceiver::hashHere;
    }

    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
    }

    /** An executor that always refuses: the request thread hashes. */
    private static void hashHere(Runnable task) {
        throw new RejectedExecutionException("digest threads switched off");
    }

    @Override
    public void destroy() {
        digestThreads.shutdown();
    }

    /** A file in temporary storage, with what was learnt about it. */
    record Received(ImageStorage.TempObject temp, StoredFile file, DicomHeaderReader.DicomHeader dicom) {}

    Received receive(InputStream content, String clientFilename) throws IOException {
        byte[] head = content.readNBytes((int) Math.min(HEAD_BYTES, maxBytes + 1));
        if (head.length == 0) {
            throw new BadRequestException("empty-file", "The uploaded file is empty");
        }
        String type = sniffer.detect(head)
                .orElseThrow(() -> new UnsupportedMediaTypeException(
                        "Only DICOM, PNG, JPEG, TIFF and PDF files are accepted; the content is none of these"));
        MessageDigest sha256 = sha256();
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), content);
        // 413 as soon as byte maxBytes + 1 was read, so an oversized upload stops early
        InputStream limited = BoundedInputStream.builder()
                .setInputStream(whole)
                .setMaxCount(maxBytes + 1)
                .setOnMaxCount((max, count) -> {
                    throw new PayloadTooLargeException(maxBytes);
                })
                .get();
        ImageStorage.TempObject temp;
        byte[] digest;
        // not closed here: the request's stream belongs to the caller
        PipelinedDigestInputStream hashed = new PipelinedDigestInputStream(limited, sha256, hashing);
        try {
            temp = storage.writeTemp(hashed);
            try {
                digest = hashed.digest();
            } catch (IOException | RuntimeException e) {
                storage.delete(temp.key());
                throw e;
            }
        } finally {
            hashed.stop();
        }
        DicomHeaderReader.DicomHeader dicom =
                ContentSniffer.DICOM.equals(type) ? DicomHeaderReader.read(head) : DicomHeaderReader.DicomHeader.EMPTY;
        StoredFile file = new StoredFile(
                FileNames.sanitise(clientFilename, type),
                type,
                temp.size(),
                HexFormat.of().formatHex(digest));
        return new Received(temp, file, dicom);
    }

    void discard(Received received) {
        storage.delete(received.temp().key());
    }

    long maxBytes() {
        return maxBytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
