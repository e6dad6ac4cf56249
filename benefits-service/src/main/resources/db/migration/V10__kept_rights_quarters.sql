-- The quarters of kept social rights granted with a bridging right (4 over the career), as told to the member's
-- insurer: what a later grant still has.
CREATE TABLE kept_rights_quarter (
    niss      VARCHAR(11) NOT NULL,
    quarter   VARCHAR(7)  NOT NULL,
    claim_id  UUID        NOT NULL,
    granted_on DATE       NOT NULL,
    PRIMARY KEY (niss, quarter)
);
