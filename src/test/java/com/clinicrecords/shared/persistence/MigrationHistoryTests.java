package com.clinicrecords.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the migration scheme: Flyway refuses to start on a database that has applied a higher version than a
 * newly shipped one ("resolved migration not applied"). So every migration added after the first release takes a
 * timestamp version above every existing version, in any module folder, and is appended to
 * {@code src/test/resources/db/migration-history.txt}; a version below the last one fails here, at build time.
 */
class MigrationHistoryTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path JAVA_SOURCES = Path.of("src/main/java/com/clinicrecords");
    private static final Path RETIRED = Path.of("src/test/resources/db/retired");
    private static final Path HISTORY = Path.of("src/test/resources/db/migration-history.txt");
    private static final String RETIRED_PREFIX = "retired ";
    private static final Pattern NAME = Pattern.compile("V(\\d+(?:_\\d+)*)__([a-z]+)_[a-z0-9_]+\\.(sql|java)");
    private static final Pattern TIMESTAMP =
            Pattern.compile("20\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])([01]\\d|2[0-3])[0-5]\\d");
    private static final int LEGACY_COUNT = 13;

    @Test
    void everyMigrationFileIsRecordedInTheHistory() throws IOException {
        Set<String> live = new TreeSet<>(history());
        live.removeAll(retired());
        assertThat(live).isEqualTo(files());
    }

    @Test
    void retiredMigrationsWereReleasedAreKeptForTheUpgradeTestAndAreRepaired() throws IOException {
        List<String> history = history();
        for (String entry : retired()) {
            assertThat(history).as("%s: retired, so added before", entry).contains(entry);
            assertThat(Files.isRegularFile(RETIRED.resolve(entry)))
                    .as("%s is kept under %s", entry, RETIRED)
                    .isTrue();
            assertThat(RetiredMigrations.RETIRED_VERSIONS)
                    .as("%s: RetiredMigrations repairs its history rows", entry)
                    .contains(version(entry).replace('_', '.'));
        }
    }

    @Test
    void versionsOnlyIncreaseInTheOrderMigrationsWereAdded() throws IOException {
        List<String> history = history();
        for (int i = 1; i < history.size(); i++) {
            assertThat(compare(version(history.get(i)), version(history.get(i - 1))))
                    .as("%s must have a version above %s (added before it)", history.get(i), history.get(i - 1))
                    .isPositive();
        }
    }

    @Test
    void newMigrationsUseATimestampVersionAndNameTheirModuleFolder() throws IOException {
        List<String> history = history();
        Map<String, String> versions = new HashMap<>();
        for (int i = 0; i < history.size(); i++) {
            String entry = history.get(i);
            String folder = entry.substring(0, entry.indexOf('/'));
            Matcher name = NAME.matcher(entry.substring(entry.indexOf('/') + 1));
            assertThat(name.matches())
                    .as("%s: V<version>__<module>_<what>.sql", entry)
                    .isTrue();
            assertThat(name.group(2))
                    .as("%s: the description starts with its module folder", entry)
                    .isEqualTo(folder);
            assertThat(versions.put(name.group(1), entry))
                    .as("%s: version used twice", entry)
                    .isNull();
            if (i >= LEGACY_COUNT) {
                assertThat(name.group(1))
                        .as("%s: version is a UTC timestamp yyyyMMddHHmm", entry)
                        .matches(TIMESTAMP);
            }
        }
    }

    /** Migrations in the order they were added (retirement lines left out). */
    private static List<String> history() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : lines()) {
            if (!entry.startsWith(RETIRED_PREFIX)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static Set<String> retired() throws IOException {
        Set<String> retired = new TreeSet<>();
        for (String entry : lines()) {
            if (entry.startsWith(RETIRED_PREFIX)) {
                retired.add(entry.substring(RETIRED_PREFIX.length()).strip());
            }
        }
        return retired;
    }

    private static List<String> lines() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String line : Files.readAllLines(HISTORY, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** SQL files under db/migration, and Java migrations as {@code <module>/V..__<module>_<what>.java}. */
    private static Set<String> files() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(MIGRATIONS)) {
            paths.filter(Files::isRegularFile)
                    .map(p -> MIGRATIONS.relativize(p).toString().replace('\\', '/'))
                    .forEach(files::add);
        }
        try (Stream<Path> paths = Files.walk(JAVA_SOURCES)) {
            paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.java"))
                    .map(p -> JAVA_SOURCES.relativize(p).getName(0) + "/" + p.getFileName())
                    .forEach(files::add);
        }
        return files;
    }

    private static String version(String entry) {
        Matcher name = NAME.matcher(entry.substring(entry.indexOf('/') + 1));
        assertThat(name.matches()).as(entry).isTrue();
        return name.group(1);
    }

    /** Flyway's order: dot- (here underscore-) separated parts compared as numbers, missing parts as zero. */
    static int compare(String a, String b) {
        List<BigInteger> left = parts(a);
        List<BigInteger> right = parts(b);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            BigInteger l = i < left.size() ? left.get(i) : BigInteger.ZERO;
            BigInteger r = i < right.size() ? right.get(i) : BigInteger.ZERO;
            int c = l.compareTo(r);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<BigInteger> parts(String version) {
        return Arrays.stream(version.split("_")).map(BigInteger::new).toList();
    }
}
