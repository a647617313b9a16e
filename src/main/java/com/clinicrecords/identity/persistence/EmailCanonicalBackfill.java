package com.clinicrecords.identity.persistence;

import com.clinicrecords.identity.domain.EmailAddresses;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Completes the migration that added {@code users.email_canonical}: SQL could only backfill LOWER(email),
 * which is right for ASCII addresses; rows with non-ASCII characters (byte length above character length)
 * get the exact NFKC_Casefold form here. Idempotent and cheap (usually no row qualifies).
 */
@Component
class EmailCanonicalBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EmailCanonicalBackfill.class);

    private final JdbcTemplate jdbc;

    EmailCanonicalBackfill(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            for (Map<String, Object> row : jdbc.queryForList(
                    "select id, email, email_canonical from users where length(email) <> char_length(email)")) {
                String canonical = EmailAddresses.canonical((String) row.get("email"));
                if (!canonical.equals(row.get("email_canonical"))) {
                    jdbc.update("update users set email_canonical = ? where id = ?", canonical, row.get("id"));
                }
            }
        } catch (DataAccessException e) {
            // Two old accounts whose addresses differ only by width or compatibility form: keep both as they
            // are (each still signs in with its own spelling) and tell the operator.
            log.warn(
                    "Could not canonicalise every stored email: {}",
                    e.getMostSpecificCause().getMessage());
        }
    }
}
