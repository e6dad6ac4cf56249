-- What contribution-service's overdue event says of a period's principal: the year its activity started or resumed
-- when it holds a start supplement (that supplement prescribes on 1 January of the 8th year after it, REFERENCE.md
-- §5.1), and whether a reduction of provisional contributions may apply (§2.7) — the worklist proposes it.
ALTER TABLE debt_item ADD COLUMN start_year SMALLINT;
ALTER TABLE debt_item ADD COLUMN reducible BOOLEAN NOT NULL DEFAULT FALSE;
