-- A notice cancelled and issued again (a correction of the affiliation) keeps its row and its structured
-- communication; each cancellation and re-issue is booked once per revision.
ALTER TABLE contribution_quarter ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
-- A starter affiliated late has no extra quarter to pay his first two quarters (REFERENCE.md §2.5).
ALTER TABLE contribution_account ADD COLUMN late_registration BOOLEAN NOT NULL DEFAULT FALSE;
-- Texts are stored as message keys with their arguments (rendered in the reader's language).
ALTER TABLE ledger_entry ALTER COLUMN description TYPE VARCHAR(600);
ALTER TABLE contribution_quarter ALTER COLUMN basis_rule TYPE VARCHAR(600);
ALTER TABLE company_contribution ALTER COLUMN rule TYPE VARCHAR(600);
-- Who filed a request: the member, or an agent on her behalf (four eyes: the filer does not decide).
ALTER TABLE contribution_request ADD COLUMN filed_by_role VARCHAR(20) NOT NULL DEFAULT 'MEMBER';
-- A refund ordered and not yet paid is revoked when a correction bills again what it refunded.
ALTER TABLE refund ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bank_statement ADD COLUMN movements INTEGER NOT NULL DEFAULT 0;
