-- Every sortable field of the appointment list has an index (InnoDB appends the primary key, so each one also
-- serves the id tie-breaker): an admin's page reads an index range instead of sorting millions of rows.
-- The scoped lists (own schedule, linked patients, own appointments) use the existing (doctor_id, starts_at)
-- and (patient_id, starts_at) indexes.
CREATE INDEX ix_appointments_start ON appointments (starts_at);
CREATE INDEX ix_appointments_end ON appointments (ends_at);
CREATE INDEX ix_appointments_created ON appointments (created_at);
CREATE INDEX ix_appointments_status ON appointments (status);
