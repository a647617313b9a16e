package com.clinicrecords.imaging.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code clinic.imaging.*}: the upload size limit and where image bytes are stored.
 *
 * @param maxBytes   largest accepted file; bigger uploads get 413 and nothing is stored
 * @param tempMaxAge temporary upload objects older than this are abandoned and swept
 * @param digestThreads uploads whose SHA-256 may be computed on a thread of their own at the same time, pipelined
 *     with reading and writing; further uploads hash on their request thread. Default 2: on the 2-core benchmark
 *     machine, with a core free, 1 GiB uploads went about 20 % faster and smaller ones no slower (README,
 *     benchmarks); more threads than free cores gain nothing. 0: every upload hashes on its request thread.
 */
@ConfigurationProperties("clinic.imaging")
public record ImagingProperties(
        @DefaultValue("2GB") DataSize maxBytes,
        @DefaultValue Storage storage,
        @DefaultValue("24h") java.time.Duration tempMaxAge,
        @DefaultValue("2") int digestThreads) {

    /** @param type {@code local} (files below {@code localDir}) or {@code s3} */
    public record Storage(
            @DefaultValue("local") String type,
            @DefaultValue("data/images") String localDir,
            @DefaultValue S3 s3) {}

    /** S3-compatible bucket; credentials come from the environment, never from the repository. */
    public record S3(
            String endpoint,
            String bucket,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("true") boolean pathStyle,
            String accessKey,
            String secretKey,
            @DefaultValue("8MB") DataSize partSize) {}
}
