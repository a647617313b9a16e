package com.clinicrecords.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of Spring Modulith's event publication registry (EVENT_PUBLICATION) as a crash or a failed listener leaves
 * them behind, for the tests of their delivery.
 */
public final class ModuleEventPublications {

    private ModuleEventPublications() {}

    /**
     * Stores a publication of {@code eventJson} (an event of {@code eventType}) for the listener method
     * {@code listenerClass.on(eventType)}, in {@code status} (PUBLISHED: never completed; FAILED: its listener
     * threw), published {@code age} ago; returns its id.
     */
    public static String store(
            JdbcTemplate jdbc,
            String listenerClass,
            Class<?> eventType,
            String eventJson,
            String status,
            Duration age) {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE, "
                        + "STATUS, COMPLETION_ATTEMPTS) values (?, ?, ?, ?, ?, ?, 1)",
                id,
                listenerClass + ".on(" + eventType.getName() + ")",
                eventType.getName(),
                eventJson,
                Timestamp.from(Instant.now().minus(age)),
                status);
        return id;
    }

    /** Whether the publication is still stored (completed ones are deleted). */
    public static boolean stored(JdbcTemplate jdbc, String id) {
        Integer rows = jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where ID = ?", Integer.class, id);
        return rows != null && rows > 0;
    }
}
