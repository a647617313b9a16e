package com.clinicrecords.imaging.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Images in an S3-compatible bucket. The upload length is not known in advance (chunked or multipart
 * requests), so content is sent as an S3 multipart upload in parts of {@code partSize} bytes: memory per
 * upload is one part, whatever the file size. Small files go in a single PUT.
 */
public class S3ObjectStorage implements ImageStorage, AutoCloseable {

    /** S3 requires every part but the last to be at least 5 MiB. */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final int partSize;

    public S3ObjectStorage(S3Client s3, String bucket, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = Math.max(MIN_PART_SIZE, partSize);
    }

    @Override
    public TempObject writeTemp(InputStream content) throws IOException {
        String key = "tmp/" + UUID.randomUUID();
        byte[] first = content.readNBytes(partSize);
        if (first.length < partSize) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(first));
            return new TempObject(key, first.length);
        }
        String uploadId =
                s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long size = 0;
            byte[] chunk = first;
            while (chunk.length > 0) {
                int partNumber = parts.size() + 1;
                byte[] body = chunk;
                String etag = s3.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(partNumber),
                                RequestBody.fromBytes(body))
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(etag)
                        .build());
                size += chunk.length;
                chunk = content.readNBytes(partSize);
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket)
                    .key(key)
                    .uploadId(uploadId)
                    .multipartUpload(
                            CompletedMultipartUpload.builder().parts(parts).build()));
            return new TempObject(key, size);
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    /** Server-side copy (no bytes through this process), then the temporary object is removed. */
    @Override
    public void commit(TempObject temp, String key) {
        s3.copyObject(b -> b.sourceBucket(bucket)
                .sourceKey(temp.key())
                .destinationBucket(bucket)
                .destinationKey(key));
        delete(temp.key());
    }

    @Override
    public InputStream openRange(String key, long offset, long length) {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        return s3.getObject(b -> b.bucket(bucket).key(key).range(range));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public int sweepTemp(java.time.Instant cutoff) {
        int removed = 0;
        for (var object :
                s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("tmp/")).contents()) {
            if (object.lastModified().isBefore(cutoff)) {
                delete(object.key());
                removed++;
            }
        }
        for (var upload : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix("tmp/"))
                .uploads()) {
            if (upload.initiated().isBefore(cutoff)) {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                removed++;
            }
        }
        return removed;
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
