-- Benefit amounts, effective-dated (loaded from parameters/benefit-amounts.csv when missing; changed by admins).
CREATE TABLE benefit_amount (
    kind        VARCHAR(40)   NOT NULL,
    valid_from  DATE          NOT NULL,
    amount      NUMERIC(12,2) NOT NULL CHECK (amount >= 0),
    status      VARCHAR(20)   NOT NULL,
    source      TEXT          NOT NULL,
    changed_by  VARCHAR(100)  NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, valid_from)
);

-- What the decisions need of a person, from affiliation events: birth date and sex (the NISS), postal code (the court).
CREATE TABLE beneficiary (
    niss         VARCHAR(11) PRIMARY KEY,
    birth_date   DATE,
    sex          VARCHAR(1),
    postal_code  VARCHAR(4),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Quarters whose contributions are paid, from contribution-service's quarter-settled events.
CREATE TABLE paid_quarter (
    niss        VARCHAR(11) NOT NULL,
    quarter     VARCHAR(7)  NOT NULL,
    settled_on  DATE        NOT NULL,
    PRIMARY KEY (niss, quarter)
);

CREATE SEQUENCE claim_reference_seq;

CREATE TABLE claim (
    id              UUID PRIMARY KEY,
    reference       VARCHAR(20)  NOT NULL UNIQUE,
    niss            VARCHAR(11)  NOT NULL,
    type            VARCHAR(40)  NOT NULL,
    status          VARCHAR(30)  NOT NULL,
    origin          VARCHAR(10)  NOT NULL,
    fact_date       DATE         NOT NULL,
    source_event    VARCHAR(300) UNIQUE,
    filed_on        DATE,
    clock_start     DATE,
    days_suspended  INTEGER      NOT NULL DEFAULT 0,
    details         TEXT         NOT NULL,
    missing         TEXT,
    created_by      VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    prepared_by     VARCHAR(100),
    prepared_at     TIMESTAMP WITH TIME ZONE,
    decided_by      VARCHAR(100),
    decided_at      TIMESTAMP WITH TIME ZONE,
    notified_on     DATE,
    version         INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX claim_niss ON claim (niss, created_at DESC);
CREATE INDEX claim_status ON claim (status, created_at);

-- Every move of a claim: who, when, from what to what, why.
CREATE TABLE claim_trail (
    id           BIGSERIAL PRIMARY KEY,
    claim_id     UUID         NOT NULL REFERENCES claim (id),
    status_from  VARCHAR(30),
    status_to    VARCHAR(30)  NOT NULL,
    by_user      VARCHAR(100) NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    note         TEXT
);
CREATE INDEX claim_trail_claim ON claim_trail (claim_id, id);

-- The decision as prepared, then approved: everything it was computed from, so that it can be explained and recomputed.
CREATE TABLE claim_decision (
    claim_id     UUID PRIMARY KEY REFERENCES claim (id),
    outcome      VARCHAR(20)   NOT NULL,
    total        NUMERIC(12,2) NOT NULL,
    units        INTEGER       NOT NULL,
    unit         VARCHAR(20),
    facts        TEXT          NOT NULL,
    amounts      TEXT          NOT NULL,
    parameters   TEXT          NOT NULL,
    payments     TEXT          NOT NULL,
    exempted     TEXT,
    refusals     TEXT,
    motivation   TEXT          NOT NULL,
    mentions     TEXT,
    court        TEXT,
    appeal_by    DATE,
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE information_request (
    id            UUID PRIMARY KEY,
    claim_id      UUID         NOT NULL REFERENCES claim (id),
    question      TEXT         NOT NULL,
    requested_by  VARCHAR(100) NOT NULL,
    requested_on  DATE         NOT NULL,
    answered_on   DATE,
    answer        TEXT
);
CREATE INDEX information_request_claim ON information_request (claim_id, requested_on);
