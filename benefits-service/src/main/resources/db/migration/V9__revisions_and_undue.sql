-- A revised decision (décision de révision): prepared by an agent with the corrected facts and the cause of the
-- error, approved by a supervisor who did not prepare it. It keeps the decision it replaces and what it was computed
-- from, so that both can be explained later.
CREATE TABLE claim_revision (
    id                UUID PRIMARY KEY,
    claim_id          UUID          NOT NULL REFERENCES claim (id),
    reference         VARCHAR(30)   NOT NULL UNIQUE,
    status            VARCHAR(20)   NOT NULL CHECK (status IN ('PREPARED', 'APPROVED', 'REJECTED')),
    reason            VARCHAR(2000) NOT NULL,
    cause             VARCHAR(20)   NOT NULL,
    member_knew       BOOLEAN       NOT NULL,
    recovery          VARCHAR(20)   NOT NULL,
    details           TEXT          NOT NULL,
    previous          TEXT          NOT NULL,
    outcome           VARCHAR(20)   NOT NULL,
    total             NUMERIC(12,2) NOT NULL,
    units             INTEGER       NOT NULL,
    unit              VARCHAR(20),
    facts             TEXT          NOT NULL,
    parameters        TEXT          NOT NULL,
    amounts           TEXT          NOT NULL,
    payments          TEXT          NOT NULL,
    exempted          VARCHAR(200),
    refusals          VARCHAR(400),
    motivation        TEXT          NOT NULL,
    overpaid          NUMERIC(12,2) NOT NULL,
    recoverable       NUMERIC(12,2) NOT NULL,
    waived            NUMERIC(12,2) NOT NULL,
    interest          NUMERIC(12,2) NOT NULL,
    undue_lines       TEXT          NOT NULL,
    mentions          TEXT,
    court             VARCHAR(400),
    appeal_by         DATE,
    prepared_by       VARCHAR(100)  NOT NULL,
    prepared_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by        VARCHAR(100),
    decided_at        TIMESTAMP WITH TIME ZONE,
    notified_on       DATE
);
CREATE INDEX claim_revision_claim ON claim_revision (claim_id, prepared_at);
-- one revision under way per claim at a time
CREATE UNIQUE INDEX claim_revision_one_prepared ON claim_revision (claim_id) WHERE status = 'PREPARED';
CREATE SEQUENCE claim_revision_seq;

-- An undue amount (indu) a revision established: claimed back by offset on the member's later payments, or by a
-- payment request with its structured communication. The balance falls with each settlement; never below zero.
CREATE TABLE undue_amount (
    id                        UUID PRIMARY KEY,
    revision_id               UUID          NOT NULL UNIQUE REFERENCES claim_revision (id),
    claim_id                  UUID          NOT NULL REFERENCES claim (id),
    niss                      VARCHAR(11)   NOT NULL,
    amount                    NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    balance                   NUMERIC(12,2) NOT NULL CHECK (balance >= 0 AND balance <= amount),
    recovery                  VARCHAR(20)   NOT NULL CHECK (recovery IN ('OFFSET', 'PAYMENT_REQUEST')),
    structured_communication  VARCHAR(12)   NOT NULL UNIQUE,
    established_on            DATE          NOT NULL,
    pay_by                    DATE          NOT NULL,
    status                    VARCHAR(20)   NOT NULL CHECK (status IN ('OPEN', 'SETTLED'))
);
CREATE INDEX undue_amount_open ON undue_amount (niss, status, established_on);
CREATE SEQUENCE undue_reference_seq;

CREATE TABLE undue_settlement (
    id          UUID PRIMARY KEY,
    undue_id    UUID          NOT NULL REFERENCES undue_amount (id),
    kind        VARCHAR(20)   NOT NULL CHECK (kind IN ('OFFSET', 'REPAYMENT')),
    amount      NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    payment_id  UUID,
    bank_reference VARCHAR(60),
    settled_on  DATE          NOT NULL,
    recorded_by VARCHAR(100)  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX undue_settlement_undue ON undue_settlement (undue_id, settled_on);
-- an offset is taken once from a payment; a repayment is recorded once (its bank reference)
CREATE UNIQUE INDEX undue_settlement_offset_once ON undue_settlement (payment_id) WHERE payment_id IS NOT NULL;
CREATE UNIQUE INDEX undue_settlement_repayment_once ON undue_settlement (bank_reference) WHERE bank_reference IS NOT NULL;

-- What a payment run kept back from a payment to settle an undue amount (the transfer is the rest; nothing when all).
ALTER TABLE benefit_payment ADD COLUMN offset_amount NUMERIC(12,2) NOT NULL DEFAULT 0;
-- What a run kept back for undue amounts, and how many payments went wholly to one (no transfer).
ALTER TABLE payment_run ADD COLUMN offset_total NUMERIC(16,2) NOT NULL DEFAULT 0;
ALTER TABLE payment_run ADD COLUMN offset_only INTEGER NOT NULL DEFAULT 0;
