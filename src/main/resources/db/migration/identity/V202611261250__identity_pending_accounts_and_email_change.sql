-- Accounts opened by private self-registration wait (PENDING) until their email address is confirmed.
ALTER TABLE users DROP CONSTRAINT ck_users_status;
ALTER TABLE users ADD CONSTRAINT ck_users_status CHECK (status IN ('ACTIVE', 'DISABLED', 'PENDING'));

-- At most one pending change of address per user: a keyed hash of the 6-digit code sent to the new address.
CREATE TABLE email_change_requests (
    user_id    CHAR(36)     NOT NULL,
    new_email  VARCHAR(254) NOT NULL,
    code_hash  CHAR(64)     NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    attempts   INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_email_change_requests_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
