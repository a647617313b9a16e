package com.clinicrecords.bench;

import com.clinicrecords.ClinicRecordsApplication;
import org.springframework.boot.SpringApplication;

/**
 * The real application plus the benchmark-only pieces (seeding, bare JDBC endpoints), started from the test
 * classpath so none of it ships in the production jar. Used by bench/load-benchmark.sh with the bench profile.
 */
public final class BenchApplication {

    private BenchApplication() {}

    public static void main(String[] args) {
        SpringApplication.from(ClinicRecordsApplication::main)
                .with(BenchConfiguration.class)
                .run(args);
    }
}
