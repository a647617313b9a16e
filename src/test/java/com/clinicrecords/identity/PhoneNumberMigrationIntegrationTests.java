package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.identity.persistence.V202611261253__identity_phone_numbers_e164;
import com.clinicrecords.support.IntegrationTest;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Java migration that rewrites stored phone numbers to E.164, run again on rows written the old way: the
 * migration only touches numbers that are not in E.164 yet, so running it twice is harmless.
 */
class PhoneNumberMigrationIntegrationTests extends IntegrationTest {

    @Autowired
    V202611261253__identity_phone_numbers_e164 migration;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRewriteOldSpellingsToE164AndKeepWhatItCannotRewrite() throws Exception {
        String digits = AccountFeaturesIntegrationTests.sevenDigits();
        String formatted = insertUser("+49 (227) " + digits);
        String national = insertUser("0228/" + digits);
        String duplicate = insertUser("+49 227 " + digits);
        String junk = insertUser("ext. " + digits.substring(0, 2));

        try (Connection connection = dataSource.getConnection()) {
            migration.migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        assertThat(phoneOf(formatted)).isEqualTo("+49227" + digits);
        assertThat(phoneOf(national)).as("national number, default region DE").isEqualTo("+49228" + digits);
        assertThat(phoneOf(duplicate))
                .as("would clash with an older account: kept")
                .isEqualTo("+49 227 " + digits);
        assertThat(phoneOf(junk)).as("no phone number: kept").isEqualTo("ext. " + digits.substring(0, 2));
    }

    /** Rows are inserted in order: created_at decides which of two spellings of one number is rewritten. */
    private String insertUser(String phone) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "insert into users (id, email, email_canonical, phone, first_name, last_name, password_hash, status, "
                        + "created_at, updated_at) values (?, ?, ?, ?, 'Old', 'Row', 'x', 'ACTIVE', ?, ?)",
                id,
                "old-" + id + "@example.test",
                "old-" + id + "@example.test",
                phone,
                now,
                now);
        return id;
    }

    private String phoneOf(String id) {
        return jdbc.queryForObject("select phone from users where id = ?", String.class, id);
    }
}
