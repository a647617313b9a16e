-- The patient directory at scale. Live records in name order come straight from one index (deleted_at is NULL
-- for every live record, so the index is in name order within it): the first page, and the offset of a deeper
-- one, read index entries instead of sorting the table. A search word matches the start of the last name, the
-- first name or the insurance number: each has an index of its own (the last name's is ix_patients_name,
-- the insurance number's ix_patients_insurance_number), so a search reads index ranges instead of every row.
CREATE INDEX ix_patients_live_name ON patients (deleted_at, last_name, first_name);
CREATE INDEX ix_patients_first_name ON patients (first_name);
