#!/bin/bash
# Runs once, when the MySQL container initialises an empty data volume (/docker-entrypoint-initdb.d).
# Two accounts, as in production:
#   FLYWAY_USER owns the schema (migrations; GRANT OPTION so that it can give the application its table grants);
#   DB_USER gets nothing schema-wide: the application grants it SELECT, INSERT, UPDATE, DELETE per table (only
#   SELECT, INSERT on audit_events) after every migration run.
# Passwords must not contain single quotes.
set -euo pipefail
mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE USER IF NOT EXISTS '${FLYWAY_USER}'@'%' IDENTIFIED BY '${FLYWAY_PASSWORD}';
GRANT ALL PRIVILEGES ON \`${MYSQL_DATABASE}\`.* TO '${FLYWAY_USER}'@'%' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS '${DB_USER}'@'%' IDENTIFIED BY '${DB_PASSWORD}';
SQL
