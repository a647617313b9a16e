-- In-app notifications. They carry no medical details, only "something changed, log in to see it".
CREATE TABLE notifications (
    id           CHAR(36)     NOT NULL,
    user_id      CHAR(36)     NOT NULL,
    category     VARCHAR(32)  NOT NULL,
    title        VARCHAR(200) NOT NULL,
    message      VARCHAR(1000) NOT NULL,
    link         VARCHAR(255) NULL,
    created_at   DATETIME(6)  NOT NULL,
    read_at      DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_notifications_user (user_id, created_at),
    KEY ix_notifications_unread (user_id, read_at),
    CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
