-- What a decision grants, to pay: one row per month (or one for a one-off benefit), with its due date. The IBAN and
-- the name are snapshotted when the payment goes into a run; a returned payment is reopened as a new row.
CREATE TABLE benefit_payment (
    id             UUID PRIMARY KEY,
    claim_id       UUID          NOT NULL REFERENCES claim (id),
    niss           VARCHAR(11)   NOT NULL,
    period         VARCHAR(7)    NOT NULL,
    due_date       DATE          NOT NULL,
    amount         NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    interest       NUMERIC(12,2) NOT NULL DEFAULT 0,
    status         VARCHAR(20)   NOT NULL,
    iban           VARCHAR(34),
    name           VARCHAR(140),
    run_id         UUID,
    end_to_end_id  VARCHAR(35),
    executed_on    DATE,
    returned_on    DATE,
    return_reason  VARCHAR(400),
    reopened_from  UUID,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX benefit_payment_due ON benefit_payment (status, due_date);
CREATE INDEX benefit_payment_claim ON benefit_payment (claim_id, due_date);
CREATE INDEX benefit_payment_run ON benefit_payment (run_id);

CREATE TABLE payment_run (
    id              UUID PRIMARY KEY,
    reference       VARCHAR(35)   NOT NULL UNIQUE,
    execution_date  DATE          NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    payments        INTEGER       NOT NULL DEFAULT 0,
    total           NUMERIC(16,2) NOT NULL DEFAULT 0,
    interest        NUMERIC(16,2) NOT NULL DEFAULT 0,
    waiting         INTEGER       NOT NULL DEFAULT 0,
    started_by      VARCHAR(100)  NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    failure         TEXT,
    file            TEXT
);
CREATE SEQUENCE payment_run_seq;
