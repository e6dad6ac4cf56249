-- The yearly parameters in force: seeded from the versioned files (parameters/<year>.properties), then
-- changeable by an admin (a new year, a correction). Each row keeps who changed it and when.
CREATE TABLE parameter_year (
    year        INTEGER      PRIMARY KEY,
    content     TEXT         NOT NULL,
    origin      VARCHAR(10)  NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(100) NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0
);
