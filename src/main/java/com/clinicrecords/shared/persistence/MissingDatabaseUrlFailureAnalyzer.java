package com.clinicrecords.shared.persistence;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a production start without {@code DB_URL} into Spring Boot's short "APPLICATION FAILED TO START" note. */
class MissingDatabaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<MissingDatabaseUrlException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingDatabaseUrlException cause) {
        return new FailureAnalysis(
                cause.getMessage() + " (a silent fallback would keep production data in a local folder).",
                "Set DB_URL to the production MySQL database (quoted in .env, e.g. "
                        + "DB_URL='jdbc:mysql://db:3306/clinic?connectionCollation=utf8mb4_unicode_ci'), with "
                        + "DB_USER/DB_PASSWORD for the application and FLYWAY_USER/FLYWAY_PASSWORD for migrations.",
                cause);
    }
}
