-- The canonical email (Unicode NFKC_Casefold of the trimmed address, computed by the application) in a
-- binary-collated column. Sign-in, its throttle and password reset look accounts up by it, so spellings that
-- the case- and accent-insensitive `email` column treats as equal ("vïctim" and "victim") can no longer reach
-- an account under a different throttle key. Existing rows are backfilled with LOWER(email), which is the
-- canonical form of every ASCII address; the application recomputes the few non-ASCII ones at start-up.
ALTER TABLE users ADD COLUMN email_canonical VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;

UPDATE users SET email_canonical = LOWER(TRIM(email));

ALTER TABLE users MODIFY email_canonical VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

CREATE UNIQUE INDEX uk_users_email_canonical ON users (email_canonical);
