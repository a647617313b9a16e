package com.clinicrecords.analysis.persistence;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The active service clients that want new jobs pushed to a webhook, as every upload's transaction asks for them
 * (to queue its job's offers): id and modalities only, over plain JDBC. Loading the whole client entities there
 * (secrets, URLs, then dirty-checking them at commit) cost more CPU than the job's own insert.
 */
@Repository
public class WebhookSubscribers {

    private final JdbcTemplate jdbc;

    WebhookSubscribers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A client with a webhook, and the comma-separated modalities it handles (null: all). */
    public record Subscriber(UUID clientId, String modalities) {}

    public List<Subscriber> active() {
        return jdbc.query(
                "select id, modalities from service_clients where status = 'ACTIVE' and webhook_url is not null",
                (rs, rowNum) -> new Subscriber(UUID.fromString(rs.getString(1)), rs.getString(2)));
    }
}
