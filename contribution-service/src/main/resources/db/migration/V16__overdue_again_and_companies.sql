-- What was due on a quarter when it was last reported overdue: a regularisation supplement falling due later on a
-- quarter already overdue is reported again, so that recovery claims the new outstanding (its debt stays equal to
-- the account's). Quarters reported before this column: what was due by the day of that report.
ALTER TABLE contribution_quarter ADD COLUMN overdue_due NUMERIC(12,2);
UPDATE contribution_quarter q SET overdue_due = (
    SELECT COALESCE(SUM(l.amount), 0) FROM ledger_entry l
    WHERE l.account = q.niss AND l.period = q.quarter AND l.component = 'PRINCIPAL'
      AND l.due_date IS NOT NULL AND l.due_date < CAST(q.overdue_at AS DATE))
WHERE q.overdue_at IS NOT NULL;

-- A company contribution found unpaid after its due date (reported once: it has a single due date).
ALTER TABLE company_contribution ADD COLUMN overdue_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX company_contribution_due ON company_contribution (due_date) WHERE overdue_at IS NULL AND cancelled_at IS NULL;
