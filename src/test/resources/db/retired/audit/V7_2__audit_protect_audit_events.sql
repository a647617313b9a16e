-- The audit trail is append-only: any UPDATE or DELETE of a row fails inside the database itself, whatever
-- code or console issues it. Single-statement trigger bodies need no DELIMITER and run on MySQL and MariaDB.
-- (MySQL with binary logging needs log_bin_trust_function_creators=1 for a non-SUPER user to create triggers.)
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only';

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only';
