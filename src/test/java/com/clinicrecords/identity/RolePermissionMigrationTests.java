package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Instances keep a role's permissions in memory per (role, version) and read them again only when the version
 * they see with a caller's session differs (see CallerQueries). The application raises roles.version on every
 * change it makes (a JPA version); a migration that writes role_permissions must raise it itself, or every
 * running instance goes on using the old permissions of that role until it restarts. This test reads every SQL
 * migration from the one that added the column on, and fails on one that changes role_permissions without an
 * {@code UPDATE roles SET version = version + 1}.
 */
class RolePermissionMigrationTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final BigInteger VERSION_COLUMN_ADDED = new BigInteger("202611261900");
    private static final Pattern FILE = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");
    private static final Pattern CHANGES_ROLE_PERMISSIONS = Pattern.compile(
            "\\b(insert\\s+(ignore\\s+)?into|update|delete\\s+from|replace\\s+into)\\s+role_permissions\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RAISES_VERSION = Pattern.compile(
            "\\bupdate\\s+roles\\s+set\\s+version\\s*=\\s*version\\s*\\+\\s*1\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void aMigrationThatChangesRolePermissionsRaisesTheRolesVersion() throws IOException {
        List<Path> checked;
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            checked = files.filter(f -> {
                        Matcher name = FILE.matcher(f.getFileName().toString());
                        return name.matches() && new BigInteger(name.group(1)).compareTo(VERSION_COLUMN_ADDED) > 0;
                    })
                    .toList();
        }
        for (Path file : checked) {
            String sql = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
            if (CHANGES_ROLE_PERMISSIONS.matcher(sql).find()) {
                assertThat(RAISES_VERSION.matcher(sql).find())
                        .as(
                                "%s changes role_permissions: it must also run UPDATE roles SET version = version + 1 "
                                        + "for the roles it changes, or running instances keep the old permissions",
                                file)
                        .isTrue();
            }
        }
    }

    @Test
    void theRuleRecognisesBothSides() {
        String grant = "INSERT INTO role_permissions (role_id, permission) SELECT id, 'x' FROM roles;";
        assertThat(CHANGES_ROLE_PERMISSIONS.matcher(grant).find()).isTrue();
        assertThat(CHANGES_ROLE_PERMISSIONS
                        .matcher("delete from role_permissions where permission = 'x'")
                        .find())
                .isTrue();
        assertThat(CHANGES_ROLE_PERMISSIONS
                        .matcher("select * from role_permissions")
                        .find())
                .isFalse();
        assertThat(RAISES_VERSION
                        .matcher("UPDATE roles SET version = version + 1 WHERE name = 'DOCTOR';")
                        .find())
                .isTrue();
        assertThat(CHANGES_ROLE_PERMISSIONS
                        .matcher(withoutComments("-- never INSERT INTO role_permissions here\nSELECT 1;"))
                        .find())
                .isFalse();
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?m)--.*$", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }
}
