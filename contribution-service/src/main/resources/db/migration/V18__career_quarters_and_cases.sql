-- The career quarters as INASTI was last told them (career-quarter-changed events on caisse.authority.inasti.events).
CREATE TABLE career_quarter (
    niss        VARCHAR(11) NOT NULL,
    quarter     VARCHAR(7)  NOT NULL,
    status      VARCHAR(12) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (niss, quarter)
);

-- The moves of recovery cases (case-moved events of recovery-service), for INASTI's statistics: which cases were
-- open at the end of a quarter and on which periods of the account.
CREATE TABLE recovery_case_move (
    id          BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference   VARCHAR(40)  NOT NULL,
    account     VARCHAR(11)  NOT NULL,
    state       VARCHAR(30)  NOT NULL,
    moved_on    DATE         NOT NULL,
    periods     VARCHAR(400) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX recovery_case_move_reference ON recovery_case_move (reference, moved_on);
