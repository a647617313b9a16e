-- Scheduled jobs run once across all application instances (ShedLock): a job runs only on the instance that
-- holds its row's lock (lock_until in the future). Times are the database's UTC clock, so the instances'
-- clocks need not agree.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
