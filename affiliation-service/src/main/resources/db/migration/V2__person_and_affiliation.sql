CREATE TABLE person (
    niss        VARCHAR(11)     PRIMARY KEY,
    first_name  VARCHAR(100) NOT NULL,
    last_name   VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE affiliation (
    id                UUID         PRIMARY KEY,
    niss              VARCHAR(11)     NOT NULL REFERENCES person (niss),
    category          VARCHAR(40)  NOT NULL,
    start_date        DATE         NOT NULL,
    liable_from       DATE         NOT NULL,
    end_date          DATE,
    status            VARCHAR(20)  NOT NULL,
    late_registration BOOLEAN      NOT NULL,
    registered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by     VARCHAR(100) NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0
);
-- One active affiliation per person: the database enforces it even for two concurrent registrations.
CREATE UNIQUE INDEX affiliation_one_active_per_person ON affiliation (niss) WHERE status = 'ACTIVE';
