-- A version per role, raised by every change of the role (its permissions included): instances keep a role's
-- permissions in memory and read them again when the version they see with the caller's session differs.
-- A migration that changes role_permissions must also raise roles.version of the roles it changes.
ALTER TABLE roles ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
