-- A deleted patient's open analysis jobs are found (and cancelled) by patient.
CREATE INDEX ix_analysis_jobs_patient ON analysis_jobs (patient_id, status);
