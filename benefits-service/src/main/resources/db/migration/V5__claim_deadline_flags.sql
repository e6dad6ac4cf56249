-- The nightly pass flags a claim once per deadline and standing (at risk, breached): the event is not repeated.
CREATE TABLE claim_deadline_flag (
    claim_id   UUID        NOT NULL REFERENCES claim (id),
    deadline   VARCHAR(10) NOT NULL,
    standing   VARCHAR(10) NOT NULL,
    due        DATE        NOT NULL,
    flagged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (claim_id, deadline, standing, due)
);
