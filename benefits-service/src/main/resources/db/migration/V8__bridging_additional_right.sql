-- The additional bridging right after the base right, by pension-building quarters between two facts (REFERENCE.md
-- §10.2: the table was not found). Empty until an admin fills it; a decision needing it says so meanwhile.
CREATE TABLE bridging_additional_right (
    quarters    INTEGER      PRIMARY KEY CHECK (quarters >= 0),
    months      INTEGER      NOT NULL CHECK (months >= 0 AND months <= 24),
    source      TEXT         NOT NULL,
    changed_by  VARCHAR(100) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
