-- Periods of liability (assujettissement) with their category, from the affiliation events: the call run bills a
-- quarter only to accounts with a period covering it, with that period's category.
CREATE TABLE liability_period (
    id              BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    niss            VARCHAR(11)  NOT NULL REFERENCES contribution_account (niss),
    affiliation_id  UUID         NOT NULL,
    category        VARCHAR(40)  NOT NULL,
    starts_on       DATE         NOT NULL,
    ends_on         DATE,
    end_reason      VARCHAR(40)
);
CREATE INDEX liability_period_niss ON liability_period (niss, starts_on);
INSERT INTO liability_period (niss, affiliation_id, category, starts_on)
    SELECT niss, affiliation_id, category, liable_from FROM contribution_account;

-- A notice whose quarter falls after the end of liability (a cessation learnt late) is cancelled, not deleted.
ALTER TABLE contribution_quarter ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
-- The definitive contribution of the quarter, once the tax income of its year is known (regularisation).
ALTER TABLE contribution_quarter ADD COLUMN definitive_amount NUMERIC(12,2);
ALTER TABLE contribution_quarter ADD COLUMN definitive_fee NUMERIC(12,2);
ALTER TABLE contribution_quarter ADD COLUMN regularised_at TIMESTAMP WITH TIME ZONE;

-- The member's account (compte courant): every debit (+) and credit (−), never updated, never deleted.
-- account: a NISS, or an enterprise number for a company. period: the quarter (2026-Q1) or year (2026) a line
-- belongs to; null for a credit not yet allocated. component: PRINCIPAL (contributions, fees, regularisations and
-- what pays them), SURCHARGE (surcharges, their waivers and what pays them) or CREDIT (money of the member not
-- allocated: an overpayment until it is refunded or allocated).
CREATE TABLE ledger_entry (
    id           BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account      VARCHAR(11)   NOT NULL,
    period       VARCHAR(7),
    kind         VARCHAR(30)   NOT NULL,
    component    VARCHAR(10)   NOT NULL,
    amount       NUMERIC(14,2) NOT NULL,
    due_date     DATE,
    booked_on    DATE          NOT NULL,
    payment_id   UUID,
    reference    VARCHAR(80),
    description  VARCHAR(300)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ledger_entry_account ON ledger_entry (account, period);
-- What makes a booking idempotent (a surcharge of a quarter on a date, a regularisation): booked at most once.
CREATE UNIQUE INDEX ledger_entry_reference ON ledger_entry (account, reference) WHERE reference IS NOT NULL;

INSERT INTO ledger_entry (account, period, kind, component, amount, due_date, booked_on, description, created_at)
    SELECT niss, quarter, 'CONTRIBUTION', 'PRINCIPAL', legal_amount, due_date, created_at::date,
           'Provisional contribution ' || quarter, created_at FROM contribution_quarter;
INSERT INTO ledger_entry (account, period, kind, component, amount, due_date, booked_on, description, created_at)
    SELECT niss, quarter, 'FEE', 'PRINCIPAL', fee, due_date, created_at::date,
           'Management fee ' || quarter, created_at FROM contribution_quarter;
INSERT INTO ledger_entry (account, period, kind, component, amount, booked_on, payment_id, description, created_at)
    SELECT niss, quarter, 'PAYMENT', 'PRINCIPAL', -amount, value_date, id, 'Payment', now()
    FROM payment WHERE status = 'MATCHED';

-- Refunds ordered to the member (overpayments, regularisations in the member's favour), for the payment run.
CREATE TABLE refund (
    id            UUID          PRIMARY KEY,
    account       VARCHAR(11)   NOT NULL,
    amount        NUMERIC(14,2) NOT NULL,
    iban          VARCHAR(34),
    reason        VARCHAR(200)  NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    ordered_on    DATE          NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX refund_account ON refund (account);

-- The yearly contribution slip (bijdragebon) sent to the member's mutuality: once per person and year.
CREATE TABLE contribution_slip (
    niss       VARCHAR(11) NOT NULL,
    year       INTEGER     NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (niss, year)
);
