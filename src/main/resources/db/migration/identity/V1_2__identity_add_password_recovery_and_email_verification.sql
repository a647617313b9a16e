-- Temporary passwords expire; reset tokens and email-verification codes are stored only as hashes.

ALTER TABLE users ADD COLUMN temp_password_expires_at DATETIME(6) NULL;

-- Single-use password reset tokens (SHA-256 of a 256-bit random token). A new request spends older ones.
CREATE TABLE password_reset_tokens (
    token_hash CHAR(64)    NOT NULL,
    user_id    CHAR(36)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    PRIMARY KEY (token_hash),
    KEY ix_password_reset_tokens_user (user_id, used_at),
    CONSTRAINT fk_password_reset_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- At most one pending code per user: a keyed hash of the 6-digit code, bound to the address it was sent to.
CREATE TABLE email_verification_codes (
    user_id    CHAR(36)     NOT NULL,
    email      VARCHAR(254) NOT NULL,
    code_hash  CHAR(64)     NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    attempts   INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_email_verification_codes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
