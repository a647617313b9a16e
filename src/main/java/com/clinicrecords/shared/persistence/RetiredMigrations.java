package com.clinicrecords.shared.persistence;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrations that were released and later taken out of the build because they cannot run everywhere. A file
 * that has been applied is never edited; when it must go, its version is listed here and in
 * {@code src/test/resources/db/migration-history.txt} ("retired"), and a later migration does its work in a way
 * that runs everywhere.
 *
 * <ul>
 *   <li>7.2 {@code audit_protect_audit_events}: created the append-only triggers unconditionally, which fails on
 *       MySQL with binary logging on and {@code log_bin_trust_function_creators} off unless the migration user has
 *       SUPER (error 1419), and then left a failed row that stopped every later start. Replaced by
 *       {@code V202611261200__audit_protect_audit_events_if_permitted}.
 * </ul>
 *
 * <p>A database that applied (or failed on) a retired version has a history row Flyway can no longer resolve,
 * and its validation would refuse to start. When the retired rows are the only problem, this strategy runs
 * Flyway's repair before migrating: it marks an applied row as deleted and removes a failed one (what an
 * operator would otherwise do by hand with {@code flyway repair}). Any other validation error (an edited or
 * missing migration, another failed one) is left alone, so Flyway stops the start as usual.
 */
class RetiredMigrations implements FlywayMigrationStrategy {

    static final Set<String> RETIRED_VERSIONS = Set.of("7.2");

    private static final Logger log = LoggerFactory.getLogger(RetiredMigrations.class);
    private static final Set<MigrationState> NEEDS_REPAIR =
            EnumSet.of(MigrationState.MISSING_SUCCESS, MigrationState.MISSING_FAILED, MigrationState.FAILED);

    @Override
    public void migrate(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        List<String> retired = Arrays.stream(all)
                .filter(info -> info.getVersion() != null
                        && RETIRED_VERSIONS.contains(info.getVersion().getVersion())
                        && NEEDS_REPAIR.contains(info.getState()))
                .map(info -> info.getVersion().getVersion() + " (" + info.getState() + ")")
                .toList();
        if (!retired.isEmpty()) {
            if (onlyRetiredProblems(flyway, all)) {
                log.warn(
                        "Schema history has retired migration(s) {}: running Flyway repair for them before migrating",
                        retired);
                flyway.repair();
            } else {
                log.warn(
                        "Schema history has retired migration(s) {} but also other validation errors: not repairing",
                        retired);
            }
        }
        flyway.migrate();
    }

    private static boolean onlyRetiredProblems(Flyway flyway, MigrationInfo[] all) {
        Set<String> pending = Arrays.stream(all)
                .filter(info -> info.getVersion() != null && info.getState() == MigrationState.PENDING)
                .map(info -> info.getVersion().getVersion())
                .collect(Collectors.toSet());
        boolean otherFailures = Arrays.stream(all)
                .filter(info -> info.getVersion() == null
                        || !RETIRED_VERSIONS.contains(info.getVersion().getVersion()))
                .anyMatch(info -> info.getState().isFailed() || info.getState() == MigrationState.MISSING_SUCCESS);
        if (otherFailures) {
            return false;
        }
        ValidateResult result = flyway.validateWithResult();
        return result.invalidMigrations.stream()
                .allMatch(invalid -> invalid.version == null
                        ? false
                        : RETIRED_VERSIONS.contains(invalid.version) || pending.contains(invalid.version));
    }
}
