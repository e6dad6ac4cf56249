-- Interruptions of the prescription the case learns from the account (REFERENCE.md §5.1): a part payment's value date.
ALTER TABLE recovery_case ADD COLUMN last_payment_on DATE;
