-- Surcharges stop at a judicial step (REFERENCE.md §2.9): once a contrainte is served or a summons issued for a
-- quarter, its last surcharge is the one at the end of the quarter before that date. From recovery-service's
-- case-moved events; the earliest step wins.
CREATE TABLE surcharge_stop (
    account        VARCHAR(11) NOT NULL,
    period         VARCHAR(7)  NOT NULL,
    last_surcharge DATE        NOT NULL,
    step           VARCHAR(30) NOT NULL,
    step_on        DATE        NOT NULL,
    case_reference VARCHAR(30) NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account, period)
);
