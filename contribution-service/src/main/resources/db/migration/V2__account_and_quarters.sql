CREATE TABLE contribution_account (
    niss            VARCHAR(11)  PRIMARY KEY,
    affiliation_id  UUID         NOT NULL,
    category        VARCHAR(40)  NOT NULL,
    liable_from     DATE         NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A quarter's provisional contribution with everything it was computed from, so that it can be explained and
-- reproduced years later.
CREATE TABLE contribution_quarter (
    id                        UUID          PRIMARY KEY,
    niss                      VARCHAR(11)   NOT NULL REFERENCES contribution_account (niss),
    quarter                   VARCHAR(7)    NOT NULL,
    due_date                  DATE          NOT NULL,
    legal_amount              NUMERIC(12,2) NOT NULL,
    fee                       NUMERIC(12,2) NOT NULL,
    fee_rate                  NUMERIC(7,5)  NOT NULL,
    structured_communication  VARCHAR(12)   NOT NULL UNIQUE,
    basis_category            VARCHAR(40)   NOT NULL,
    basis_income              NUMERIC(14,2) NOT NULL,
    basis_income_source       VARCHAR(40)   NOT NULL,
    basis_parameter_year      INTEGER       NOT NULL,
    basis_rule                VARCHAR(300)  NOT NULL,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (niss, quarter)
);

CREATE SEQUENCE payment_reference_seq START WITH 1 MAXVALUE 9999999;
