-- When a quarter was found unpaid after its due date (the overdue event is published once).
ALTER TABLE contribution_quarter ADD COLUMN overdue_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX contribution_quarter_due ON contribution_quarter (due_date) WHERE overdue_at IS NULL;
