-- The trail of every transition of an affiliation: applied, planned ahead (takes effect on its date), cancelled
-- before it did, or revoked by a correction. Kept for ever.
CREATE TABLE transition (
    id                     UUID         PRIMARY KEY,
    niss                   VARCHAR(11)  NOT NULL REFERENCES person (niss),
    type                   VARCHAR(20)  NOT NULL,
    status                 VARCHAR(20)  NOT NULL,
    event_date             DATE         NOT NULL,
    effective_date         DATE         NOT NULL,
    details                TEXT         NOT NULL,
    opened_affiliation_id  UUID,
    closed_affiliation_id  UUID,
    requested_by           VARCHAR(100) NOT NULL,
    requested_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    applied_at             TIMESTAMP WITH TIME ZONE,
    ended_by               VARCHAR(100),
    ended_at               TIMESTAMP WITH TIME ZONE,
    end_reason             VARCHAR(400),
    version                BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX transition_niss ON transition (niss, requested_at);
-- at most one transition planned per person: the next one waits until it took effect or was cancelled
CREATE UNIQUE INDEX transition_one_planned ON transition (niss) WHERE status = 'PLANNED';
CREATE INDEX transition_planned_due ON transition (event_date) WHERE status = 'PLANNED';

-- What existed before the trail: one transition per period opened and per period closed.
INSERT INTO transition (id, niss, type, status, event_date, effective_date, details, opened_affiliation_id,
                        closed_affiliation_id, requested_by, requested_at, applied_at)
SELECT md5('open' || a.id::text)::uuid, a.niss,
       CASE a.opened_by_event WHEN 'CATEGORY_CHANGE' THEN 'CATEGORY_CHANGE' WHEN 'RESUMPTION' THEN 'RESUMPTION' ELSE 'REGISTRATION' END,
       'APPLIED', a.start_date, a.start_date, '{}', a.id,
       (SELECT p.id FROM affiliation p WHERE p.niss = a.niss AND p.end_event = 'CATEGORY_CHANGE' AND p.end_date = a.start_date - 1
         AND a.opened_by_event = 'CATEGORY_CHANGE' LIMIT 1),
       a.registered_by, a.registered_at, a.registered_at
FROM affiliation a;
INSERT INTO transition (id, niss, type, status, event_date, effective_date, details, closed_affiliation_id,
                        requested_by, requested_at, applied_at)
SELECT md5('close' || a.id::text)::uuid, a.niss,
       CASE a.end_event WHEN 'INTERRUPTION' THEN 'INTERRUPTION' WHEN 'TRANSFER' THEN 'TRANSFER' ELSE 'CESSATION' END,
       'APPLIED', a.end_date, a.end_date, '{}', a.id, a.registered_by, a.registered_at, a.registered_at
FROM affiliation a WHERE a.end_event IN ('INTERRUPTION', 'CESSATION', 'TRANSFER');

-- A correction of a transition recorded by mistake: who asked, why, before and after; a supervisor approves one
-- that reaches a quarter already billed.
CREATE TABLE correction (
    id                UUID         PRIMARY KEY,
    niss              VARCHAR(11)  NOT NULL REFERENCES person (niss),
    transition_id     UUID         NOT NULL REFERENCES transition (id),
    action            VARCHAR(20)  NOT NULL,
    new_date          DATE,
    new_details       TEXT,
    reason            VARCHAR(1000) NOT NULL,
    before_state      TEXT         NOT NULL,
    after_state       TEXT,
    reaches_billed    BOOLEAN      NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    requested_by      VARCHAR(100) NOT NULL,
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by        VARCHAR(100),
    decided_at        TIMESTAMP WITH TIME ZONE,
    decision_note     VARCHAR(400),
    version           BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX correction_niss ON correction (niss, requested_at);
CREATE INDEX correction_status ON correction (status, requested_at);

-- What a cessation touches, proposed to an agent: the helping spouse's affiliation and link end with the activity.
CREATE TABLE linked_proposal (
    id             UUID         PRIMARY KEY,
    niss           VARCHAR(11)  NOT NULL REFERENCES person (niss),
    transition_id  UUID         NOT NULL REFERENCES transition (id),
    kind           VARCHAR(30)  NOT NULL,
    subject_niss   VARCHAR(11)  NOT NULL REFERENCES person (niss),
    link_id        UUID,
    proposed_date  DATE         NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by     VARCHAR(100),
    decided_at     TIMESTAMP WITH TIME ZONE,
    decision_note  VARCHAR(400),
    version        BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX linked_proposal_niss ON linked_proposal (niss, created_at);
CREATE INDEX linked_proposal_status ON linked_proposal (status, created_at);

-- Search ignores case and accents: the names as they are compared (lower case, without diacritics).
ALTER TABLE person ADD COLUMN search_name VARCHAR(210);
ALTER TABLE person ADD COLUMN search_name_reversed VARCHAR(210);
UPDATE person SET
    search_name = translate(lower(first_name || ' ' || last_name), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ', 'aaaaaaceeeeiiiinooooouuuuyyoa'),
    search_name_reversed = translate(lower(last_name || ' ' || first_name), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ', 'aaaaaaceeeeiiiinooooouuuuyyoa');
CREATE INDEX person_search_name ON person (search_name);

-- Who filed a request: the member herself, or an agent on her behalf (four eyes: the filer does not decide).
ALTER TABLE member_request ADD COLUMN filed_by VARCHAR(100);
ALTER TABLE member_request ADD COLUMN filed_by_role VARCHAR(20) NOT NULL DEFAULT 'MEMBER';
UPDATE member_request SET filed_by = 'member' WHERE filed_by IS NULL;
ALTER TABLE member_request ALTER COLUMN filed_by SET NOT NULL;
