-- The daily passes and their progress (a pass of the day can be followed while it runs, and run again: it then
-- moves nothing more).
CREATE TABLE daily_pass (
    day          DATE PRIMARY KEY,
    status       VARCHAR(20)  NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    moved        INTEGER      NOT NULL DEFAULT 0,
    runs         INTEGER      NOT NULL DEFAULT 0,
    started_by   VARCHAR(100) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    failure      TEXT
);
