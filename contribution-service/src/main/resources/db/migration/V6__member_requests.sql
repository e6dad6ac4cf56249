-- A member's request about their contributions: a new estimate of the year's income (raise: applied at once;
-- reduce: an agent decides), or an exemption (dispense) that INASTI decides.
CREATE TABLE contribution_request (
    id                UUID          PRIMARY KEY,
    niss              VARCHAR(11)   NOT NULL REFERENCES contribution_account (niss),
    type              VARCHAR(20)   NOT NULL,
    year              INTEGER,
    estimated_income  NUMERIC(14,2),
    quarters          VARCHAR(100),
    motivation        VARCHAR(1000),
    status            VARCHAR(20)   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    decided_by        VARCHAR(100),
    decided_at        TIMESTAMP WITH TIME ZONE,
    decision_note     VARCHAR(400),
    version           BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX contribution_request_status ON contribution_request (status, created_at);
CREATE INDEX contribution_request_niss ON contribution_request (niss, created_at);
