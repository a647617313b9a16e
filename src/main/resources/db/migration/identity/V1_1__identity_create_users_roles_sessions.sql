-- Identity: accounts, roles with permissions, login sessions and their rotating refresh tokens.
-- UUIDs are stored as CHAR(36); times are UTC DATETIME(6).

CREATE TABLE users (
    id                       CHAR(36)     NOT NULL,
    email                    VARCHAR(254) NOT NULL,
    phone                    VARCHAR(32)  NULL,
    first_name               VARCHAR(100) NOT NULL,
    last_name                VARCHAR(100) NOT NULL,
    password_hash            VARCHAR(255) NOT NULL,
    status                   VARCHAR(16)  NOT NULL,
    email_verified           BOOLEAN      NOT NULL DEFAULT FALSE,
    password_change_required BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at               DATETIME(6)  NOT NULL,
    updated_at               DATETIME(6)  NOT NULL,
    version                  BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_users_email UNIQUE (email),
    CONSTRAINT uk_users_phone UNIQUE (phone),
    CONSTRAINT ck_users_status CHECK (status IN ('ACTIVE', 'DISABLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE roles (
    id          CHAR(36)     NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    description VARCHAR(255) NULL,
    built_in    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_roles_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE role_permissions (
    role_id    CHAR(36)    NOT NULL,
    permission VARCHAR(64) NOT NULL,
    PRIMARY KEY (role_id, permission),
    CONSTRAINT fk_role_permissions_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A role still assigned to someone cannot be deleted (RESTRICT); the service says so with a 409.
CREATE TABLE user_roles (
    user_id CHAR(36) NOT NULL,
    role_id CHAR(36) NOT NULL,
    PRIMARY KEY (user_id, role_id),
    KEY ix_user_roles_role (role_id),
    CONSTRAINT fk_user_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_roles_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE RESTRICT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE auth_sessions (
    id                  CHAR(36)     NOT NULL,
    user_id             CHAR(36)     NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    last_used_at        DATETIME(6)  NOT NULL,
    absolute_expires_at DATETIME(6)  NOT NULL,
    revoked_at          DATETIME(6)  NULL,
    revoke_reason       VARCHAR(32)  NULL,
    user_agent          VARCHAR(255) NULL,
    client_ip           VARCHAR(45)  NULL,
    PRIMARY KEY (id),
    KEY ix_auth_sessions_user (user_id, revoked_at),
    CONSTRAINT fk_auth_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Only the SHA-256 of a refresh token is stored. A row with used_at set has been rotated away;
-- presenting it again is replay and revokes the whole session.
CREATE TABLE refresh_tokens (
    token_hash CHAR(64)    NOT NULL,
    session_id CHAR(36)    NOT NULL,
    issued_at  DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    PRIMARY KEY (token_hash),
    KEY ix_refresh_tokens_session (session_id),
    CONSTRAINT fk_refresh_tokens_session FOREIGN KEY (session_id) REFERENCES auth_sessions (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Built-in roles with fixed ids so later migrations can grant them permissions.
INSERT INTO roles (id, name, description, built_in, created_at) VALUES
    ('00000000-0000-0000-0000-000000000001', 'ADMIN', 'Clinic administrator', TRUE, UTC_TIMESTAMP(6)),
    ('00000000-0000-0000-0000-000000000002', 'DOCTOR', 'Doctor caring for linked patients', TRUE, UTC_TIMESTAMP(6)),
    ('00000000-0000-0000-0000-000000000003', 'PATIENT', 'Patient with access to their own records', TRUE, UTC_TIMESTAMP(6)),
    ('00000000-0000-0000-0000-000000000004', 'ANALYSIS_SERVICE', 'Machine account posting analysis results', TRUE, UTC_TIMESTAMP(6));

INSERT INTO role_permissions (role_id, permission) VALUES
    ('00000000-0000-0000-0000-000000000001', 'users:read'),
    ('00000000-0000-0000-0000-000000000001', 'users:manage'),
    ('00000000-0000-0000-0000-000000000001', 'roles:manage'),
    ('00000000-0000-0000-0000-000000000001', 'links:manage'),
    ('00000000-0000-0000-0000-000000000001', 'doctors:manage'),
    ('00000000-0000-0000-0000-000000000001', 'audit:read'),
    ('00000000-0000-0000-0000-000000000001', 'appointments:book'),
    ('00000000-0000-0000-0000-000000000002', 'patients:care'),
    ('00000000-0000-0000-0000-000000000002', 'visits:write'),
    ('00000000-0000-0000-0000-000000000002', 'appointments:book'),
    ('00000000-0000-0000-0000-000000000002', 'images:upload'),
    ('00000000-0000-0000-0000-000000000002', 'images:status'),
    ('00000000-0000-0000-0000-000000000002', 'analysis:write'),
    ('00000000-0000-0000-0000-000000000003', 'appointments:book'),
    ('00000000-0000-0000-0000-000000000003', 'images:upload'),
    ('00000000-0000-0000-0000-000000000004', 'images:status'),
    ('00000000-0000-0000-0000-000000000004', 'analysis:write');
