-- Doctors can be deactivated (hidden, not bookable, no access through links) and reactivated.
ALTER TABLE doctors ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE doctors ADD COLUMN deactivated_at DATETIME(6) NULL;

-- The admin patient directory searches by insurance number and date of birth as well as by name.
CREATE INDEX ix_patients_insurance_number ON patients (insurance_number);
CREATE INDEX ix_patients_date_of_birth ON patients (date_of_birth);
