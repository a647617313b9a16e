package com.clinicrecords.imaging.persistence;

import com.clinicrecords.imaging.domain.ImagingProperties;
import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs the storage contract against a real S3-compatible HTTP server started in-process (LocalS3 on a free
 * port), through the real AWS SDK client: signing, multipart upload, server-side copy and ranged GETs all
 * go over the wire.
 */
class S3ObjectStorageTests extends StorageContract {

    private static final String BUCKET = "clinic-images";

    @TempDir
    static Path dataDir;

    private static LocalS3 server;
    private static S3Client client;
    private static S3ObjectStorage storage;

    @BeforeAll
    static void startServer() {
        server = LocalS3.builder()
                .port(freePort())
                .mode(LocalS3Mode.PERSISTENCE)
                .dataPath(dataDir.toString())
                .build();
        server.start();
        client = ImageStorageConfiguration.s3Client(new ImagingProperties.S3(
                "http://127.0.0.1:" + server.getPort(),
                BUCKET,
                "us-east-1",
                true,
                "test-access",
                "test-secret",
                DataSize.ofMegabytes(5)));
        client.createBucket(b -> b.bucket(BUCKET));
        storage = new S3ObjectStorage(client, BUCKET, S3ObjectStorage.MIN_PART_SIZE);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdown();
    }

    @Override
    ImageStorage storage() {
        return storage;
    }

    /** Temporary objects plus unfinished multipart uploads. */
    @Override
    long leftovers() {
        long objects =
                client.listObjectsV2(b -> b.bucket(BUCKET).prefix("tmp/")).keyCount();
        long uploads =
                client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().size();
        return objects + uploads;
    }
}
