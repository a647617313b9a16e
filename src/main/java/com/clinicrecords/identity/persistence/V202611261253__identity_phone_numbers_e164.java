package com.clinicrecords.identity.persistence;

import com.clinicrecords.identity.domain.PhoneNumbers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration (Java, because SQL cannot parse phone numbers): rewrites every stored phone number to E.164
 * with libphonenumber, reading national numbers in {@code PHONE_DEFAULT_REGION}. Spring Boot hands every
 * {@link JavaMigration} bean to Flyway, so it runs in version order with the SQL files.
 *
 * <p>Values that are no phone number, or that would become the number of an account created earlier, keep their
 * old text (nothing is lost and no unique key breaks); the log names the affected account ids so an admin can
 * fix them. New and changed numbers are always stored normalised.
 */
@Component
public class V202611261253__identity_phone_numbers_e164 implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V202611261253__identity_phone_numbers_e164.class);

    private final PhoneNumbers phones;

    V202611261253__identity_phone_numbers_e164(PhoneNumbers phones) {
        this.phones = phones;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("202611261253");
    }

    @Override
    public String getDescription() {
        return "identity normalise phone numbers to E164";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Map<String, String> stored = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "select id, phone from users where phone is not null order by created_at, id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getString(2));
            }
        }
        Set<String> taken = new HashSet<>(stored.values());
        int changed = 0;
        try (PreparedStatement update = connection.prepareStatement("update users set phone = ? where id = ?")) {
            for (Map.Entry<String, String> row : stored.entrySet()) {
                String raw = row.getValue();
                Optional<String> e164 = phones.tryNormalize(raw);
                if (e164.isEmpty()) {
                    log.warn("Account {}: stored phone is not a phone number; left unchanged", row.getKey());
                    continue;
                }
                if (e164.get().equals(raw)) {
                    continue;
                }
                if (taken.contains(e164.get())) {
                    log.warn("Account {}: phone equals another account's number; left unchanged", row.getKey());
                    continue;
                }
                taken.remove(raw);
                taken.add(e164.get());
                update.setString(1, e164.get());
                update.setString(2, row.getKey());
                update.executeUpdate();
                changed++;
            }
        }
        log.info("Normalised {} stored phone number(s) to E.164", changed);
    }
}
