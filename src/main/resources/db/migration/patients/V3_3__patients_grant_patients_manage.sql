-- Creating and soft-deleting patient records is an administrative permission (custom roles may get it too).
INSERT INTO role_permissions (role_id, permission) VALUES
    ('00000000-0000-0000-0000-000000000001', 'patients:manage');
