-- Image search across patients, newest first, at scale: an admin's search walks the live images in upload order
-- and stops after the page, also when filtered by status (which images still wait for or failed analysis).
-- A doctor's search starts from their links and uses ix_images_patient_uploaded.
CREATE INDEX ix_images_live_uploaded ON images (deleted_at, uploaded_at);
CREATE INDEX ix_images_status_uploaded ON images (status, deleted_at, uploaded_at);
