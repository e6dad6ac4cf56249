-- Who saw what: every read of a person's data by staff, a partner or the DPO, from the four services' access
-- topics. Append-only: the database refuses to change or remove a line (GDPR accountability, art. 5(2)).
CREATE TABLE access_trail (
    event_id    UUID         PRIMARY KEY,
    niss        VARCHAR(11)  NOT NULL,
    data        VARCHAR(200) NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    actor_kind  VARCHAR(10)  NOT NULL,
    accessed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    service     VARCHAR(40)  NOT NULL,
    route       VARCHAR(300),
    purpose     VARCHAR(200),
    request_id  VARCHAR(128),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX access_trail_person ON access_trail (niss, accessed_at DESC);
CREATE INDEX access_trail_actor ON access_trail (actor, accessed_at DESC);

CREATE FUNCTION access_trail_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'access_trail is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER access_trail_no_change BEFORE UPDATE OR DELETE ON access_trail
    FOR EACH ROW EXECUTE FUNCTION access_trail_append_only();
