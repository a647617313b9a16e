-- Append-only audit trail of access to patient data and of security events.
-- The auto-increment id orders events and serves as the paging cursor.
CREATE TABLE audit_events (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at   DATETIME(6)  NOT NULL,
    actor_user_id CHAR(36)     NULL,
    actor_roles   VARCHAR(255) NULL,
    patient_id    CHAR(36)     NULL,
    resource_type VARCHAR(64)  NOT NULL,
    resource_id   VARCHAR(64)  NULL,
    action        VARCHAR(32)  NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    request_id    VARCHAR(64)  NULL,
    client_ip     VARCHAR(45)  NULL,
    detail        VARCHAR(255) NULL,
    PRIMARY KEY (id),
    KEY ix_audit_patient (patient_id, id),
    KEY ix_audit_actor (actor_user_id, id),
    KEY ix_audit_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
