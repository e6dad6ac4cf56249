-- The enforcement follow-up: the parties of a case (bailiff, lawyer, curator) with their file references, the costs
-- they charge (at the debtor's charge, collected by them: not part of the contributions' debt), the seizures and
-- what they brought.
CREATE TABLE case_party (
    id            UUID PRIMARY KEY,
    case_id       UUID         NOT NULL REFERENCES recovery_case (id),
    kind          VARCHAR(20)  NOT NULL CHECK (kind IN ('BAILIFF', 'LAWYER', 'CURATOR')),
    name          VARCHAR(200) NOT NULL,
    file_reference VARCHAR(60),
    appointed_on  DATE         NOT NULL,
    recorded_by   VARCHAR(100) NOT NULL
);
CREATE INDEX case_party_case ON case_party (case_id);

CREATE TABLE case_cost (
    id          UUID PRIMARY KEY,
    case_id     UUID          NOT NULL REFERENCES recovery_case (id),
    party_id    UUID          REFERENCES case_party (id),
    description VARCHAR(400)  NOT NULL,
    amount      NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    incurred_on DATE          NOT NULL,
    recorded_by VARCHAR(100)  NOT NULL
);
CREATE INDEX case_cost_case ON case_cost (case_id);

CREATE TABLE case_seizure (
    id          UUID PRIMARY KEY,
    case_id     UUID          NOT NULL REFERENCES recovery_case (id),
    kind        VARCHAR(30)   NOT NULL,
    seized_on   DATE          NOT NULL,
    result      VARCHAR(2000),
    recovered   NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (recovered >= 0),
    recorded_by VARCHAR(100)  NOT NULL
);
CREATE INDEX case_seizure_case ON case_seizure (case_id);
