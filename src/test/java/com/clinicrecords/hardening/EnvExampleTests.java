package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code .env.example} works when the README is followed literally: every variable the application and
 * docker-compose.yml read is listed, every value is single-quoted, and {@code set -a; . ./.env} in bash gives
 * the application exactly the listed values (an unquoted {@code &} in DB_URL once cut the URL off, and the app
 * silently started on the embedded database).
 */
class EnvExampleTests {

    private static final Path ENV_EXAMPLE = Path.of(".env.example");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern ENTRY = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=(.*)$");
    /** Read by Spring Boot itself, in code (ConnectionPoolDefaults) or by the MySQL image: not as a placeholder. */
    private static final Set<String> IMPLICIT = Set.of("SPRING_PROFILES_ACTIVE", "MYSQL_ROOT_PASSWORD", "DB_POOL_SIZE");

    @Test
    void shouldListEveryVariableTheApplicationAndDockerComposeRead() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (Path file : files.filter(p -> p.toString().matches(".*application.*\\.(yml|yaml|properties)"))
                    .toList()) {
                read.addAll(placeholders(Files.readString(file)));
            }
        }
        read.addAll(placeholders(Files.readString(Path.of("docker-compose.yml"))));

        assertThat(entries().keySet()).containsAll(read).containsAll(IMPLICIT);
    }

    @Test
    void shouldQuoteEveryValue() throws IOException {
        entries()
                .forEach((name, value) ->
                        assertThat(value).as("%s is single-quoted", name).matches("'[^']*'"));
    }

    @Test
    void shouldGiveTheListedValuesWhenSourcedByBash() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Map<String, String> entries = entries();
        Process bash = new ProcessBuilder(
                        "/bin/bash",
                        "-c",
                        "set -a; . ./.env.example; set +a; printf '%s\\n' \"$DB_URL\" \"$DB_USER_HOST\"")
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String[] out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
        assertThat(out[0]).isEqualTo(unquote(entries.get("DB_URL"))).contains("&");
        assertThat(out[1]).isEqualTo("%");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Listed variables, commented-out ones included (those keep a documented default when unset). */
    private static Map<String, String> entries() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8)) {
            Matcher m = ENTRY.matcher(line.strip());
            if (m.matches()) {
                entries.put(m.group(1), m.group(2).replaceAll("\\s+\\(.*$", "").strip());
            }
        }
        return entries;
    }

    private static String unquote(String value) {
        return value.substring(1, value.length() - 1);
    }
}
