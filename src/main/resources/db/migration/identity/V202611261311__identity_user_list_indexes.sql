-- Every sortable field of the admin user list has an index (email already has its unique key). The list
-- breaks ties by id in the same direction, and InnoDB appends the id to each index, so one index serves both.
CREATE INDEX ix_users_created ON users (created_at);
CREATE INDEX ix_users_last_name ON users (last_name);
CREATE INDEX ix_users_first_name ON users (first_name);
