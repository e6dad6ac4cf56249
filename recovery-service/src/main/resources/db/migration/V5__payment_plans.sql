-- Payment plans (plan d'apurement): the debt of a case in monthly instalments, each with its own structured
-- communication (contribution-service matches them in the statements and tells which instalment was paid).
CREATE TABLE payment_plan (
    id            UUID PRIMARY KEY,
    case_id       UUID          NOT NULL REFERENCES recovery_case (id),
    amount        NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    months        INTEGER       NOT NULL CHECK (months BETWEEN 1 AND 60),
    first_due_on  DATE          NOT NULL,
    status        VARCHAR(20)   NOT NULL CHECK (status IN ('REQUESTED', 'PROPOSED', 'APPROVED', 'REJECTED', 'BROKEN', 'COMPLETED')),
    approver      VARCHAR(20)   NOT NULL,
    requested_by  VARCHAR(100)  NOT NULL,
    requested_on  DATE          NOT NULL,
    decided_by    VARCHAR(100),
    decided_on    DATE,
    late_since    DATE,
    ended_on      DATE,
    note          VARCHAR(2000)
);
CREATE UNIQUE INDEX payment_plan_one_running ON payment_plan (case_id) WHERE status IN ('REQUESTED', 'PROPOSED', 'APPROVED');

CREATE TABLE plan_instalment (
    plan_id                   UUID          NOT NULL REFERENCES payment_plan (id),
    number                    INTEGER       NOT NULL,
    due_on                    DATE          NOT NULL,
    amount                    NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    received                  NUMERIC(12,2) NOT NULL DEFAULT 0,
    structured_communication  VARCHAR(12)   NOT NULL UNIQUE,
    PRIMARY KEY (plan_id, number)
);
CREATE SEQUENCE plan_reference_seq;

ALTER TABLE recovery_case ADD COLUMN plan_id UUID;

-- Surcharges booked on a period no case claims yet (the nightly surcharges may come before the overdue event): the
-- case that claims the period takes them, so that its debt is what the account owes.
CREATE TABLE unclaimed_surcharge (
    debtor  VARCHAR(11)   NOT NULL,
    period  VARCHAR(7)    NOT NULL,
    amount  NUMERIC(12,2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (debtor, period)
);
