-- What this service knows of the fund's affiliations, from affiliation events (it never reads another service's tables).
CREATE TABLE benefit_member (
    niss             VARCHAR(11)  PRIMARY KEY,
    affiliation_id   UUID         NOT NULL,
    category         VARCHAR(40)  NOT NULL,
    liable_from      DATE         NOT NULL,
    last_event_type  VARCHAR(200) NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
