-- Shared by every service (caisse-common): the members' names and correspondence language, from the person events,
-- so that a queue shows whose request it is and an answer is written in the member's language.
CREATE TABLE known_person (
    niss        VARCHAR(11)  PRIMARY KEY,
    first_name  VARCHAR(100) NOT NULL,
    last_name   VARCHAR(100) NOT NULL,
    language    VARCHAR(2)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
