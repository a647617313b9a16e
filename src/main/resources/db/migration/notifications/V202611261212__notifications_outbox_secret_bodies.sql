-- Emails that carry a one-time secret (reset code, verification code, temporary password) are flagged; their
-- body is blanked as soon as they are sent or given up, so no secret stays in the table in clear text.
ALTER TABLE email_outbox ADD COLUMN contains_secret BOOLEAN NOT NULL DEFAULT FALSE;

-- Mail already sent by earlier releases: blank the bodies of the three kinds that carried secrets.
UPDATE email_outbox
   SET body = '', contains_secret = TRUE
 WHERE status IN ('SENT', 'FAILED')
   AND subject IN ('Reset your Clinic Records password',
                   'Your temporary Clinic Records password',
                   'Your Clinic Records verification code');

UPDATE email_outbox
   SET contains_secret = TRUE
 WHERE status = 'PENDING'
   AND subject IN ('Reset your Clinic Records password',
                   'Your temporary Clinic Records password',
                   'Your Clinic Records verification code');
