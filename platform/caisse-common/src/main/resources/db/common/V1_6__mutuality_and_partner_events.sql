-- Shared by every service (caisse-common): a member's health insurer over time (from affiliation's
-- mutuality-changed events), and the partner events waiting for the member's insurer to be known.
CREATE TABLE known_person_mutuality (
    niss        VARCHAR(11) NOT NULL,
    valid_from  DATE        NOT NULL,
    mutuality   VARCHAR(3)  NOT NULL,
    PRIMARY KEY (niss, valid_from)
);

CREATE TABLE partner_event_pending (
    id          UUID         PRIMARY KEY,
    niss        VARCHAR(11)  NOT NULL,
    event_type  VARCHAR(120) NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    payload     TEXT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX partner_event_pending_niss ON partner_event_pending (niss, created_at);
