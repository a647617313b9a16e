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
 *
 * <p>Instances also keep each account's roles and permissions per account version (users.version). So a
 * migration after the last one of the release that added that memory ({@value #ACCOUNT_MEMORY_ADDED_AFTER}) that
 * changes role_permissions or user_roles must raise users.version of the accounts concerned as well, e.g.
 * {@code UPDATE users u JOIN user_roles ur ON ur.user_id = u.id SET u.version = u.version + 1 WHERE ...}.
 */
class RolePermissionMigrationTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final BigInteger VERSION_COLUMN_ADDED = new BigInteger("202611261900");
    private static final Pattern FILE = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");
    private static final Pattern CHANGES_ROLE_PERMISSIONS = writesTo("role_permissions");
    private static final String ACCOUNT_MEMORY_ADDED_AFTER = "202611270010";
    private static final Pattern CHANGES_USER_ROLES = writesTo("role_permissions|user_roles");
    private static final Pattern RAISES_ACCOUNT_VERSION = Pattern.compile(
            "\\bupdate\\s+users\\b[^;]*\\bset\\b[^;]*?\\b(\\w+\\.)?version\\s*=\\s*(\\w+\\.)?version\\s*\\+\\s*1\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RAISES_VERSION = Pattern.compile(
            "\\bupdate\\s+roles\\s+set\\s+version\\s*=\\s*version\\s*\\+\\s*1\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void aMigrationThatChangesRolePermissionsRaisesTheRolesVersion() throws IOException {
        assertEveryMigrationAfter(
                VERSION_COLUMN_ADDED,
                CHANGES_ROLE_PERMISSIONS,
                RAISES_VERSION,
                "%s changes role_permissions: it must also run UPDATE roles SET version = version + 1 "
                        + "for the roles it changes, or running instances keep the old permissions");
    }

    @Test
    void aMigrationThatChangesRolesOrTheirHoldersRaisesTheAccountsVersion() throws IOException {
        assertEveryMigrationAfter(
                new BigInteger(ACCOUNT_MEMORY_ADDED_AFTER),
                CHANGES_USER_ROLES,
                RAISES_ACCOUNT_VERSION,
                "%s changes role_permissions or user_roles: it must also raise users.version of the "
                        + "accounts concerned, or running instances keep their old roles");
    }

    /** Every SQL migration above {@code version} that {@code changes} something also {@code raises} a version. */
    private static void assertEveryMigrationAfter(BigInteger version, Pattern changes, Pattern raises, String why)
            throws IOException {
        for (Path file : migrationsAfter(version)) {
            String sql = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
            if (changes.matcher(sql).find()) {
                assertThat(raises.matcher(sql).find()).as(why, file).isTrue();
            }
        }
    }

    @Test
    void theAccountRuleRecognisesBothSides() {
        assertThat(CHANGES_USER_ROLES
                        .matcher("insert into user_roles (user_id, role_id) select id, 'r' from users")
                        .find())
                .isTrue();
        assertThat(CHANGES_USER_ROLES
                        .matcher("DELETE FROM role_permissions WHERE permission = 'x'")
                        .find())
                .isTrue();
        assertThat(CHANGES_USER_ROLES.matcher("select * from user_roles").find())
                .isFalse();
        assertThat(RAISES_ACCOUNT_VERSION
                        .matcher("UPDATE users u JOIN user_roles ur ON ur.user_id = u.id SET u.version = u.version + 1 "
                                + "WHERE ur.role_id = 'r';")
                        .find())
                .isTrue();
        assertThat(RAISES_ACCOUNT_VERSION
                        .matcher("update users set version = version + 1 where id in (select user_id from x)")
                        .find())
                .isTrue();
        assertThat(RAISES_ACCOUNT_VERSION
                        .matcher("update users set status = 'ACTIVE'; select version + 1 from roles")
                        .find())
                .isFalse();
    }

    /** An INSERT, UPDATE, DELETE or REPLACE of one of these tables (a regular expression alternative). */
    private static Pattern writesTo(String tables) {
        return Pattern.compile(
                "\\b(insert\\s+(ignore\\s+)?into|update|delete\\s+from|replace\\s+into)\\s+(" + tables + ")\\b",
                Pattern.CASE_INSENSITIVE);
    }

    private static List<Path> migrationsAfter(BigInteger version) throws IOException {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            return files.filter(f -> {
                        Matcher name = FILE.matcher(f.getFileName().toString());
                        return name.matches() && new BigInteger(name.group(1)).compareTo(version) > 0;
                    })
                    .toList();
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
