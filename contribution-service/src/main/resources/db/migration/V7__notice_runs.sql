-- A quarterly call run (appel trimestriel): one per quarter, restartable; its progress is readable while it runs.
CREATE TABLE notice_run (
    quarter       VARCHAR(7)   PRIMARY KEY,
    status        VARCHAR(20)  NOT NULL,
    total         INTEGER      NOT NULL,
    done          INTEGER      NOT NULL,
    skipped       INTEGER      NOT NULL,
    last_error    VARCHAR(400),
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    started_by    VARCHAR(100) NOT NULL
);
