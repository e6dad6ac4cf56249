-- A creation made with an Idempotency-Key header: its first answer, committed with its effect, so that a retry of
-- the same request by the same caller gets that answer again instead of a second effect (or a 409). An answer that
-- was an error is not kept (its transaction rolled back): the retry runs again.
CREATE TABLE idempotent_request (
    caller          VARCHAR(100) NOT NULL,
    operation       VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request_sha256  CHAR(64)     NOT NULL,
    status          INTEGER      NOT NULL,
    location        VARCHAR(500),
    body            TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller, operation, idempotency_key)
);
