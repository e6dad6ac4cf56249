-- Issue 11: the letters of the path are documents. Each move to a reminder, the registered last reminder or a
-- contrainte waits for its letter (PENDING) until the letter job issues it (ISSUED, with the document's id). The
-- steps taken before letters existed are left as they were (NONE): no letter is sent late for them.
ALTER TABLE case_step ADD COLUMN letter_status VARCHAR(10);
UPDATE case_step SET letter_status = 'NONE';
ALTER TABLE case_step ALTER COLUMN letter_status SET DEFAULT 'PENDING';
ALTER TABLE case_step ALTER COLUMN letter_status SET NOT NULL;
ALTER TABLE case_step ADD COLUMN document_id UUID;
CREATE INDEX case_step_letter_pending ON case_step (id) WHERE letter_status = 'PENDING'
    AND to_state IN ('REMINDED', 'SECOND_REMINDED', 'LAST_REMINDER', 'CONTRAINTE_ISSUED');
