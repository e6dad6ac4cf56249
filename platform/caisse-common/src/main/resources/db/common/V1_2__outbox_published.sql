-- An event acknowledged by Kafka leaves the outbox: deleting a row is far cheaper than updating it (a quarterly run
-- publishes a million events), and the outbox stays as small as what is still to send. What was published, and
-- when, is kept in a narrow append-only log (no index: it is read rarely; operations prune it by date).
CREATE TABLE outbox_published (
    event_id      UUID         NOT NULL,
    topic         VARCHAR(200) NOT NULL,
    event_type    VARCHAR(200) NOT NULL,
    aggregate_id  VARCHAR(100) NOT NULL,
    subject       VARCHAR(200),
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO outbox_published (event_id, topic, event_type, aggregate_id, subject, occurred_at, published_at)
    SELECT event_id, topic, event_type, aggregate_id, subject, occurred_at, published_at FROM outbox_event
    WHERE published_at IS NOT NULL;
DELETE FROM outbox_event WHERE published_at IS NOT NULL;
DROP INDEX outbox_event_unpublished;
ALTER TABLE outbox_event DROP COLUMN published_at;

-- Every event of the service, waiting or published.
CREATE VIEW outbox_history AS
    SELECT event_id, topic, event_type, aggregate_id, subject, occurred_at, NULL::timestamptz AS published_at FROM outbox_event
    UNION ALL
    SELECT event_id, topic, event_type, aggregate_id, subject, occurred_at, published_at FROM outbox_published;
