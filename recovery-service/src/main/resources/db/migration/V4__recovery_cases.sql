-- A recovery case per debtor (a NISS, or an enterprise number), opened by the first overdue quarter; one open at a
-- time. Its state moves along the legal path (CaseState); next_step_on is the timer the daily pass looks at.
CREATE TABLE recovery_case (
    id                    UUID PRIMARY KEY,
    reference             VARCHAR(30)  NOT NULL UNIQUE,
    debtor                VARCHAR(11)  NOT NULL,
    state                 VARCHAR(30)  NOT NULL,
    since                 DATE         NOT NULL,
    next_step             VARCHAR(30),
    next_step_on          DATE,
    last_reminder_on      DATE,
    registered_mail_ref   VARCHAR(60),
    contested_on          DATE,
    contestation          TEXT,
    contrainte_id         UUID,
    contrainte_issued_on  DATE,
    contrainte_served_on  DATE,
    bailiff               VARCHAR(200),
    opposed_on            DATE,
    summoned_on           DATE,
    court                 VARCHAR(200),
    hearing_on            DATE,
    closed_reason         VARCHAR(30),
    opened_on             DATE         NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX recovery_case_one_open ON recovery_case (debtor) WHERE state <> 'CLOSED';
CREATE INDEX recovery_case_due ON recovery_case (next_step_on) WHERE state <> 'CLOSED';
CREATE INDEX recovery_case_state ON recovery_case (state, since);
CREATE SEQUENCE recovery_case_seq;

-- The debt of a case, per period and component, kept in step with contribution-service's events.
CREATE TABLE debt_item (
    case_id    UUID          NOT NULL REFERENCES recovery_case (id),
    period     VARCHAR(7)    NOT NULL,
    component  VARCHAR(20)   NOT NULL CHECK (component IN ('PRINCIPAL', 'SURCHARGE', 'COSTS', 'INTEREST')),
    amount     NUMERIC(12,2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (case_id, period, component)
);

-- Every move of a case: who, when, why.
CREATE TABLE case_step (
    id         BIGSERIAL PRIMARY KEY,
    case_id    UUID         NOT NULL REFERENCES recovery_case (id),
    from_state VARCHAR(30),
    to_state   VARCHAR(30)  NOT NULL,
    on_date    DATE         NOT NULL,
    by_whom    VARCHAR(100) NOT NULL,
    note       TEXT,
    at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_step_case ON case_step (case_id, id);

-- The personal contacts (and the documented attempts) an agent recorded.
CREATE TABLE case_contact (
    id        UUID PRIMARY KEY,
    case_id   UUID         NOT NULL REFERENCES recovery_case (id),
    channel   VARCHAR(20)  NOT NULL,
    outcome   VARCHAR(20)  NOT NULL,
    on_date   DATE         NOT NULL,
    note      VARCHAR(2000) NOT NULL,
    by_whom   VARCHAR(100) NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_contact_case ON case_contact (case_id, on_date);
