-- Shared by every service (caisse-common): what a service knows of each person's affiliation, from the
-- affiliation events (a service never reads another service's tables).
CREATE TABLE known_affiliation (
    niss              VARCHAR(11)  PRIMARY KEY,
    affiliation_id    UUID         NOT NULL,
    category          VARCHAR(40)  NOT NULL,
    liable_from       DATE         NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    end_date          DATE,
    liable_until      DATE,
    cessation_reason  VARCHAR(40),
    last_event_type   VARCHAR(200) NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
