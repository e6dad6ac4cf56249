-- The revision of the quarter whose payment notice (PDF) is issued: a notice is issued once per revision, by the
-- quarterly run and by the job that catches up every notice created since (a catch-up bill, a correction).
ALTER TABLE contribution_quarter ADD COLUMN notice_document_revision INTEGER;
CREATE INDEX contribution_quarter_notice_pending ON contribution_quarter (created_at)
    WHERE notice_document_revision IS NULL;
