-- The person's health insurer (mutualité / ziekenfonds) over time: each period starts on its day and lasts until
-- the next one. Who recorded each change, and the old and new values, are in person_change (field MUTUALITY).
CREATE TABLE person_mutuality (
    niss         VARCHAR(11)  NOT NULL REFERENCES person (niss),
    valid_from   DATE         NOT NULL,
    mutuality    VARCHAR(3)   NOT NULL,
    recorded_by  VARCHAR(100) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    origin       VARCHAR(20)  NOT NULL,
    PRIMARY KEY (niss, valid_from)
);
