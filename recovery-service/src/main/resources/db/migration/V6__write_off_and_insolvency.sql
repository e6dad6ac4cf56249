-- Insolvency (a bankruptcy, a judicial reorganisation): enforcement is suspended; the claim declared to the curator
-- is kept (date, amount, rank as recorded: REFERENCE.md §5.5 does not confirm the rules, they are recorded as given).
ALTER TABLE recovery_case ADD COLUMN insolvency_kind VARCHAR(30);
ALTER TABLE recovery_case ADD COLUMN insolvency_on DATE;
ALTER TABLE recovery_case ADD COLUMN curator VARCHAR(200);
ALTER TABLE recovery_case ADD COLUMN claim_filed_on DATE;
ALTER TABLE recovery_case ADD COLUMN claim_amount NUMERIC(12,2);
ALTER TABLE recovery_case ADD COLUMN claim_rank VARCHAR(60);
-- A write-off (supervisor): why, and the debt written off.
ALTER TABLE recovery_case ADD COLUMN written_off NUMERIC(12,2);
ALTER TABLE recovery_case ADD COLUMN write_off_note VARCHAR(2000);
