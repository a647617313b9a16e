-- The retention purge deletes sent and given-up mail by age in small batches.
CREATE INDEX ix_email_outbox_created ON email_outbox (created_at);
