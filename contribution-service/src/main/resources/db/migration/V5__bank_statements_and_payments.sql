-- Imported bank statements (one row per file, never twice) and the payments they carry.
CREATE TABLE bank_statement (
    id              UUID          PRIMARY KEY,
    account_number  VARCHAR(40)   NOT NULL,
    sequence        INTEGER       NOT NULL,
    statement_date  DATE          NOT NULL,
    format          VARCHAR(10)   NOT NULL,
    old_balance     NUMERIC(16,2) NOT NULL,
    new_balance     NUMERIC(16,2) NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by     VARCHAR(100)  NOT NULL,
    UNIQUE (account_number, sequence, statement_date)
);

-- A payment received: MATCHED to a quarter by its structured communication, or UNMATCHED for an agent.
CREATE TABLE payment (
    id                        UUID          PRIMARY KEY,
    statement_id              UUID          NOT NULL REFERENCES bank_statement (id),
    movement_sequence         INTEGER       NOT NULL,
    amount                    NUMERIC(14,2) NOT NULL,
    value_date                DATE          NOT NULL,
    structured_communication  VARCHAR(12),
    free_communication        VARCHAR(300),
    counterparty_account      VARCHAR(40),
    counterparty_name         VARCHAR(100),
    status                    VARCHAR(20)   NOT NULL,
    niss                      VARCHAR(11),
    quarter                   VARCHAR(7),
    UNIQUE (statement_id, movement_sequence)
);
CREATE INDEX payment_status ON payment (status);
CREATE INDEX payment_quarter ON payment (niss, quarter);
