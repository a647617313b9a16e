package com.clinicrecords.imaging.persistence;

import com.clinicrecords.imaging.domain.ImagingProperties;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Picks the storage backend: {@code clinic.imaging.storage.type=local} (default) or {@code s3}. */
@Configuration(proxyBeanMethods = false)
class ImageStorageConfiguration {

    /**
     * @param executor Boot's task executor, for the local storage's background flushes while an upload is written
     */
    @Bean
    ImageStorage imageStorage(
            ImagingProperties props, @Qualifier("applicationTaskExecutor") ObjectProvider<Executor> executor) {
        ImagingProperties.Storage storage = props.storage();
        if ("s3".equalsIgnoreCase(storage.type())) {
            ImagingProperties.S3 s3 = storage.s3();
            return new S3ObjectStorage(
                    s3Client(s3), s3.bucket(), (int) s3.partSize().toBytes());
        }
        return new LocalFileStorage(Path.of(storage.localDir()), executor.getIfAvailable());
    }

    static S3Client s3Client(ImagingProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .credentialsProvider(credentials(s3));
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        return builder.build();
    }

    /** Explicit keys when configured (from the environment), otherwise the SDK's default chain. */
    private static AwsCredentialsProvider credentials(ImagingProperties.S3 s3) {
        if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
