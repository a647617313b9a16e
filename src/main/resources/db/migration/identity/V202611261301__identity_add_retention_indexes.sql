-- Retention purges delete ended sessions, spent refresh tokens and expired recovery secrets in small batches;
-- these indexes let each batch find its rows without scanning the table.
CREATE INDEX ix_auth_sessions_revoked ON auth_sessions (revoked_at);
CREATE INDEX ix_auth_sessions_expires ON auth_sessions (absolute_expires_at);
CREATE INDEX ix_refresh_tokens_used ON refresh_tokens (used_at);
CREATE INDEX ix_password_reset_tokens_expires ON password_reset_tokens (expires_at);
CREATE INDEX ix_email_verification_codes_expires ON email_verification_codes (expires_at);
