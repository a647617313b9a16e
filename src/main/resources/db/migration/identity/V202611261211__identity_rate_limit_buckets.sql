-- Token buckets of the sign-in and password-reset limits, shared by every application instance (Bucket4j's
-- MySQL proxy manager: INSERT IGNORE, then SELECT ... FOR UPDATE and UPDATE in one short transaction).
-- Keys are SHA-256 hex digests of "limit name + subject", so no email address or IP is stored here.
-- expires_at (epoch milliseconds) lets a scheduled job delete buckets that have refilled completely.
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    state      BLOB        NULL,
    expires_at BIGINT      NULL,
    PRIMARY KEY (id),
    KEY ix_rate_limit_buckets_expires (expires_at)
) ENGINE = InnoDB;
